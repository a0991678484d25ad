import { z } from "zod";
import { ZChangelogEntry, type TChangelogEntry } from "./content-schema";

// Pure rules of the course lifecycle (docs/decisions/010): comparing versions, which version a
// trainer completed, and what changed since. No database here; ledger.server.ts feeds it rows.

/** Compares "1.2" and "1.10.0" numerically, part by part; a missing part counts as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The course version in effect at `at`: the newest revision synced at or before it (else the first). */
export function versionAt(revisions: { version: string; createdAt: Date }[], at: Date): string | null {
  const sorted = [...revisions].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
  const before = sorted.filter((r) => r.createdAt.getTime() <= at.getTime());
  return (before[before.length - 1] ?? sorted[0])?.version ?? null;
}

/** The changelog entries newer than `completed` and not newer than `current`, newest first. */
export function changesSince(changelog: unknown, completed: string, current: string): TChangelogEntry[] {
  const parsed = z.array(ZChangelogEntry).safeParse(changelog);
  if (!parsed.success) return [];
  return parsed.data
    .filter((e) => compareVersions(e.version, completed) > 0 && compareVersions(e.version, current) <= 0)
    .sort((x, y) => compareVersions(y.version, x.version));
}

export type TCourseUpdate = { slug: string; title: string; completedVersion: string; currentVersion: string; changes: TChangelogEntry[] };

/** A completed course the trainer should hear about: its current version is newer than theirs. */
export function courseUpdate(input: {
  slug: string;
  title: string;
  currentVersion: string;
  changelog: unknown;
  revisions: { version: string; createdAt: Date }[];
  completedAt: Date;
}): TCourseUpdate | null {
  const completedVersion = versionAt(input.revisions, input.completedAt);
  if (!completedVersion || compareVersions(input.currentVersion, completedVersion) <= 0) return null;
  return {
    slug: input.slug,
    title: input.title,
    completedVersion,
    currentVersion: input.currentVersion,
    changes: changesSince(input.changelog, completedVersion, input.currentVersion),
  };
}
