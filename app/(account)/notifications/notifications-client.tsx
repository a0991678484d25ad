"use client";

import { useEffect, useState } from "react";
import { callApi } from "@/components/api/call-api";
import { Button } from "@/components/ui/button";
import type { TNotificationKind } from "@/lib/notifications/notification-content";

/** Opening the page counts as reading: marks everything read and tells the header bell. */
export function MarkReadOnView({ upTo }: { upTo: string }) {
  useEffect(() => {
    void callApi("/api/notifications/read", { body: { upTo } }).then((r) => {
      if (r.ok) window.dispatchEvent(new Event("backbone:notifications-read"));
    });
  }, [upTo]);
  return null;
}

export function MailPreferencesForm({ initial, kinds }: { initial: Record<TNotificationKind, boolean>; kinds: { kind: TNotificationKind; label: string }[] }) {
  const [email, setEmail] = useState(initial);
  const [state, setState] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="mt-3 space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setState(null);
        const r = await callApi<{ email: Record<TNotificationKind, boolean> }>("/api/notifications/preferences", { method: "PUT", body: { email } });
        setPending(false);
        if (r.ok) {
          setEmail(r.data.email);
          setState({ tone: "ok", text: "Mail settings saved." });
        } else setState({ tone: "error", text: r.message });
      }}
    >
      <fieldset className="min-w-0 space-y-2">
        <legend className="sr-only">Kinds of notification to mail</legend>
        {kinds.map(({ kind, label }) => (
          <label key={kind} className="flex items-center gap-3">
            <input type="checkbox" className="h-4 w-4" checked={email[kind]} onChange={(e) => setEmail((prev) => ({ ...prev, [kind]: e.target.checked }))} />
            {label}
          </label>
        ))}
      </fieldset>
      <p className="text-sm text-slate-600 dark:text-slate-400">Notifications always appear here; these settings only choose which are also mailed.</p>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save mail settings"}
      </Button>
      <p role={state?.tone === "error" ? "alert" : "status"} className={state?.tone === "error" ? "text-sm font-medium text-red-700 dark:text-red-300" : "text-sm text-brand-800 dark:text-brand-100"}>
        {state?.text}
      </p>
    </form>
  );
}
