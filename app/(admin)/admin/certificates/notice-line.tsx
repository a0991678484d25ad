export type TNotice = { tone: "ok" | "error"; text: string };

/** The one-line answer under a table's toolbar: an alert for errors, a polite status otherwise. */
export function NoticeLine({ notice }: { notice: TNotice | null }) {
  if (!notice) return null;
  return (
    <p
      role={notice.tone === "error" ? "alert" : "status"}
      className={`border-x border-slate-200 px-3 py-2 text-sm dark:border-slate-800 ${notice.tone === "error" ? "font-medium text-red-700 dark:text-red-300" : "text-brand-800 dark:text-brand-100"}`}
    >
      {notice.text}
    </p>
  );
}
