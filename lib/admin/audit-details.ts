import { formatCec } from "@/lib/credits/cec-amount";

// An audit entry's JSON data as lines an admin can read: "Role: Trainer → Admin" for a change,
// "Reason: duplicate enrolment" for a fact. Pure, so it is table-tested; the page only lays it out.

export type TAuditDetail = { label: string; value?: string; before?: string; after?: string };

const HUNDREDTHS = /hundredths$/i;
const MAX_TEXT = 160;

/** "scorePercent" → "Score percent", "toVersion" → "To version". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(HUNDREDTHS, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : "Amount";
}

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (HUNDREDTHS.test(key) && typeof value === "number" && Number.isSafeInteger(value)) return formatCec(value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) return value.map((v) => show(key, v)).join(", ") || "—";
  const text = JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The lines for one entry. Knows three shapes of change: {from, to}, {before: {…}, after: {…}} and xFrom/xTo pairs. */
export function describeAuditData(data: unknown, subject = "Value"): TAuditDetail[] {
  if (!isRecord(data)) return data === null || data === undefined ? [] : [{ label: subject, value: show("", data) }];
  const lines: TAuditDetail[] = [];
  const used = new Set<string>(["userId"]);

  if ("from" in data && "to" in data) {
    lines.push({ label: subject, before: show("", data.from), after: show("", data.to) });
    used.add("from").add("to");
  }
  if (isRecord(data.before) || isRecord(data.after)) {
    const before = isRecord(data.before) ? data.before : {};
    const after = isRecord(data.after) ? data.after : {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const b = show(key, before[key]);
      const a = show(key, after[key]);
      if (b !== a) lines.push({ label: humanizeKey(key), before: b, after: a });
    }
    used.add("before").add("after");
  }
  for (const key of Object.keys(data)) {
    const pair = /^(.+)From$/.exec(key);
    if (pair && `${pair[1]}To` in data) {
      lines.push({ label: humanizeKey(pair[1]), before: show(pair[1], data[key]), after: show(pair[1], data[`${pair[1]}To`]) });
      used.add(key).add(`${pair[1]}To`);
    }
  }
  for (const [key, value] of Object.entries(data)) {
    if (used.has(key)) continue;
    lines.push({ label: humanizeKey(key), value: show(key, value) });
  }
  return lines;
}
