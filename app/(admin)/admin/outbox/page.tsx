import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass, linkClass } from "@/components/ui";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format/date-time";
import { listOutbox } from "@/lib/mail/list-outbox.server";
import { firstParam, pageParam, requireAdminPage } from "../admin-page-guard";
import { Pagination, pageHref } from "../pagination";
import { LinkedText } from "./linked-text";

export const metadata: Metadata = { title: "Outbox · Admin" };
export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Without SMTP_URL (demo and development) mail is stored instead of sent; this page is how
// sign-up, verification and reset links are followed locally.
export default async function OutboxPage({ searchParams }: TProps) {
  const admin = await requireAdminPage("/admin/outbox");
  const sp = await searchParams;
  const to = (firstParam(sp.to) ?? "").trim().slice(0, 254);
  const list = await listOutbox({ adminId: admin.id, to, page: pageParam(sp.page) });
  const smtp = Boolean(env().SMTP_URL);

  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">Outbox</h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        {smtp
          ? "Mail is being sent through SMTP, so new messages no longer appear here. Older messages stored before SMTP was configured are listed below."
          : "SMTP is not configured, so the app stores every email here instead of sending it. Open the links to complete sign-up, verification and password resets."}
      </p>

      <search>
        <form method="get" action="/admin/outbox" className="mt-4 flex max-w-xl flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="outbox-to" className="block text-sm font-medium">
              Recipient
            </label>
            <input
              id="outbox-to"
              name="to"
              type="search"
              defaultValue={to}
              maxLength={254}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
            />
          </div>
          <button type="submit" className={buttonClass({ size: "lg" })}>
            Filter
          </button>
          {to && (
            <Link href="/admin/outbox" className={`min-h-11 px-2 py-2 text-sm ${linkClass}`}>
              Show all
            </Link>
          )}
        </form>
      </search>

      {list.rows.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {to ? `No messages to addresses containing “${to}”.` : "No messages yet. Sign up a trainer or request a password reset and the email will appear here."}
        </p>
      ) : (
        <>
          <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
            {list.total} message{list.total === 1 ? "" : "s"}, newest first.
          </p>
          <ol className="mt-3 space-y-4">
            {list.rows.map((m) => (
              <li key={m.id}>
                <article aria-labelledby={`mail-${m.id}`} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
                  <h2 id={`mail-${m.id}`} className="font-semibold">
                    {m.subject}
                  </h2>
                  <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                    To <span className="break-all font-medium text-slate-800 dark:text-slate-200">{m.to}</span> ·{" "}
                    <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt, admin.timeZone)}</time>
                  </p>
                  <div className="mt-3 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-mono text-sm dark:bg-slate-900">
                    <LinkedText text={m.text} />
                  </div>
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => pageHref("/admin/outbox", to ? { to } : {}, page)} label="Outbox pages" />
    </div>
  );
}
