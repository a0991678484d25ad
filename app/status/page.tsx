import type { Metadata } from "next";
import { Badge } from "@/components/ui";
import { checkHealth } from "@/lib/db/check-health.server";
import { formatDateTimeWithZone } from "@/lib/format/date-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Service status" };

// The footer's "Status" link: the same check as /api/health (which monitors keep using), in words.
// Nothing here needs a session, and a failing check still renders this page with a 200 so a person
// can read it; the machine-readable endpoint is the one that answers 503.
export default async function StatusPage() {
  const checkedAt = new Date();
  const health = await checkHealth();
  const rows = [
    { name: "Website", ok: true, detail: "Pages are being served." },
    {
      name: "Database",
      ok: health.ok,
      detail: health.ok ? `Reachable; all ${health.migrations} schema migrations applied.` : `Problem: ${health.reason}.`,
    },
    {
      name: "Sign-in, progress, assessments and certificates",
      ok: health.ok,
      detail: health.ok ? "Working normally." : "Unavailable until the database is back.",
    },
  ];
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Service status</h1>
      <p className={`mt-4 rounded-xl border p-4 font-medium ${health.ok ? "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100" : "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"}`}>
        {health.ok ? "All systems are working." : "Some parts of Backbone CE are not working right now. Your records are safe; please try again shortly."}
      </p>
      <ul className="mt-6 divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {rows.map((row) => (
          <li key={row.name} className="flex flex-wrap items-start justify-between gap-2 p-4">
            <div>
              <h2 className="font-semibold">{row.name}</h2>
              <p className="text-sm text-slate-700 dark:text-slate-300">{row.detail}</p>
            </div>
            <Badge tone={row.ok ? "ok" : "danger"}>{row.ok ? "Operational" : "Down"}</Badge>
          </li>
        ))}
      </ul>
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
        Checked <time dateTime={checkedAt.toISOString()}>{formatDateTimeWithZone(checkedAt, "UTC")}</time>. Monitoring tools can use{" "}
        <a href="/api/health" className="underline underline-offset-2">
          the JSON endpoint
        </a>
        .
      </p>
    </div>
  );
}
