"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/learn/use-api";

export type TNoticeItem = { id: string; title: string; body: string; href: string | null };

/** Notices ("your certificate has been issued") until the trainer dismisses them. */
export function NoticeList({ notices }: { notices: TNoticeItem[] }) {
  const router = useRouter();
  const [hidden, setHidden] = useState<string[]>([]);
  const shown = notices.filter((n) => !hidden.includes(n.id));
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="notices-heading" className="mt-6">
      <h2 id="notices-heading" className="sr-only">
        Notices
      </h2>
      <ul className="space-y-2">
        {shown.map((n) => (
          <li key={n.id} className="flex items-start justify-between gap-4 rounded-lg border border-brand-100 bg-brand-50 p-4 text-sm dark:border-brand-700 dark:bg-slate-900">
            <div>
              <p className="font-semibold">{n.title}</p>
              <p className="mt-1">
                {n.body}{" "}
                {n.href && (
                  <a href={n.href} className="font-medium underline">
                    View
                  </a>
                )}
              </p>
            </div>
            <button
              type="button"
              className="shrink-0 underline"
              onClick={async () => {
                setHidden((h) => [...h, n.id]);
                await callApi(`/api/notices/${n.id}/dismiss`, { method: "POST", body: { dismiss: true } });
                router.refresh();
              }}
            >
              Dismiss<span className="sr-only">: {n.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
