import { ZCalendarDate } from "@/lib/credits/cycle";
import { readSearchText } from "@/lib/text/safe-text";

// The audit log's filters, read from a query string (page, CSV export). Lenient like the trainers
// list: a value that does not parse is dropped rather than failing the page.

export type TAuditFilters = {
  /** Exact action, e.g. "credit.adjust". */
  action?: string;
  /** Actor's email, or the start of it (case-insensitive). */
  actor?: string;
  targetType?: string;
  targetId?: string;
  /** A user id: entries about that user (their account, credit entries, attempts, certificates) or by them. */
  user?: string;
  /** First day, YYYY-MM-DD, in the viewing admin's time zone. */
  from?: string;
  /** Last day, inclusive. */
  to?: string;
  page: number;
};

export const AUDIT_PAGE_SIZE = 50;

type TSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: TSearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

const TOKEN = /^[A-Za-z0-9._:-]{1,64}$/;

export function parseAuditFilters(params: TSearchParams): TAuditFilters {
  const action = read(params, "action");
  const targetType = read(params, "targetType");
  const targetId = read(params, "targetId");
  const user = read(params, "user");
  const actor = readSearchText(read(params, "actor"), 254)?.toLowerCase();
  const from = read(params, "from");
  const to = read(params, "to");
  const page = Number.parseInt(read(params, "page") ?? "1", 10);
  return {
    action: action && TOKEN.test(action) ? action : undefined,
    actor: actor || undefined,
    targetType: targetType && TOKEN.test(targetType) ? targetType : undefined,
    targetId: targetId && TOKEN.test(targetId) ? targetId : undefined,
    user: user && TOKEN.test(user) ? user : undefined,
    from: from && ZCalendarDate.safeParse(from).success ? from : undefined,
    to: to && ZCalendarDate.safeParse(to).success ? to : undefined,
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 100_000) : 1,
  };
}

export function auditFiltersToQuery(filters: TAuditFilters, overrides: Partial<TAuditFilters> = {}): string {
  const f = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const key of ["action", "actor", "targetType", "targetId", "user", "from", "to"] as const) {
    const value = f[key];
    if (value) params.set(key, value);
  }
  if (f.page > 1) params.set("page", String(f.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
