import { CERTIFYING_BODIES, type TCertifyingBody } from "@/lib/credits/certifying-bodies";
import { isId } from "@/lib/ids";
import { readSearchText } from "@/lib/text/safe-text";

// The trainers list's filters, read from a query string. The page, its CSV export and the
// benchmark share this, so "the same filters" means the same parser. Lenient on purpose: a
// hand-edited URL with an unknown value drops that filter instead of showing an error page.

const TRAINER_SORTS = ["name", "email", "certification", "body", "joined", "credits", "due"] as const;
export type TTrainerSort = (typeof TRAINER_SORTS)[number];

/** met: the current cycle's requirement is met. behind: not met. warning: not met and the cycle ends within 60 days. */
export const CYCLE_STATUSES = ["met", "behind", "warning"] as const;
export type TCycleStatus = (typeof CYCLE_STATUSES)[number];

/**
 * Per course (or across all courses when no course is chosen):
 * not-started: no lesson opened. in-progress: started, credit not yet awarded.
 * completed: credit awarded (every lesson done and the final assessment passed). certified: a certificate is issued.
 */
export const COURSE_STATUSES = ["not-started", "in-progress", "completed", "certified"] as const;
export type TCourseStatus = (typeof COURSE_STATUSES)[number];

export const TRAINER_PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_TRAINER_PAGE_SIZE = 25;
const MAX_SEARCH_LENGTH = 100;

export type TTrainerFilters = {
  q?: string;
  body?: TCertifyingBody;
  cycleStatus?: TCycleStatus;
  courseStatus?: TCourseStatus;
  /** A course id; narrows courseStatus to one course. */
  course?: string;
  sort: TTrainerSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
};

export const SORT_LABELS: Record<TTrainerSort, string> = {
  name: "Name",
  email: "Email",
  certification: "Certification no.",
  body: "Body",
  joined: "Joined",
  credits: "Credit this cycle",
  due: "Cycle ends",
};

export const CYCLE_STATUS_LABELS: Record<TCycleStatus, string> = {
  met: "Met",
  behind: "Not met",
  warning: "Not met, cycle ends within 60 days",
};

export const COURSE_STATUS_LABELS: Record<TCourseStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  completed: "Completed (credit awarded)",
  certified: "Certificate issued",
};

/** Sorts whose natural first view is largest / latest first. */
const DEFAULT_DESC: ReadonlySet<TTrainerSort> = new Set(["joined", "credits"]);

export function defaultDir(sort: TTrainerSort): "asc" | "desc" {
  return DEFAULT_DESC.has(sort) ? "desc" : "asc";
}

type TSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: TSearchParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}


export function parseTrainerFilters(params: TSearchParams): TTrainerFilters {
  const q = readSearchText(read(params, "q"), MAX_SEARCH_LENGTH);
  const sort = oneOf(TRAINER_SORTS, read(params, "sort")) ?? "name";
  const dir = oneOf(["asc", "desc"] as const, read(params, "dir")) ?? defaultDir(sort);
  const page = Number.parseInt(read(params, "page") ?? "1", 10);
  const pageSize = Number.parseInt(read(params, "size") ?? "", 10);
  const course = read(params, "course");
  return {
    q: q || undefined,
    body: oneOf(CERTIFYING_BODIES, read(params, "body")),
    cycleStatus: oneOf(CYCLE_STATUSES, read(params, "cycle")),
    courseStatus: oneOf(COURSE_STATUSES, read(params, "courseStatus")),
    course: isId(course) ? course : undefined,
    sort,
    dir,
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 100_000) : 1,
    pageSize: (TRAINER_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_TRAINER_PAGE_SIZE,
  };
}

/** The query string for a set of filters (defaults left out, so URLs stay short and shareable). */
export function trainerFiltersToQuery(filters: TTrainerFilters, overrides: Partial<TTrainerFilters> = {}): string {
  const f = { ...filters, ...overrides };
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.body) params.set("body", f.body);
  if (f.cycleStatus) params.set("cycle", f.cycleStatus);
  if (f.courseStatus) params.set("courseStatus", f.courseStatus);
  if (f.course) params.set("course", f.course);
  if (f.sort !== "name") params.set("sort", f.sort);
  if (f.dir !== defaultDir(f.sort)) params.set("dir", f.dir);
  if (f.pageSize !== DEFAULT_TRAINER_PAGE_SIZE) params.set("size", String(f.pageSize));
  if (f.page > 1) params.set("page", String(f.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The one status a row shows ("behind" as a filter also includes "warning"). */
export function cycleStatusOf(cycle: { met: boolean; warning: boolean }): TCycleStatus {
  return cycle.met ? "met" : cycle.warning ? "warning" : "behind";
}
