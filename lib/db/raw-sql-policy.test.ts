import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// docs/decisions/014-data-access-policy.md, enforced: raw SQL (Prisma's $queryRaw / $executeRaw
// and their Unsafe forms, node-postgres `.query(`) appears only in `*.sql.server.ts` helper files,
// each of which says why it is raw and is listed in the decision record.

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["lib", "app", "scripts", "components"];
const DECISION = "docs/decisions/014-data-access-policy.md";

const RAW_SQL = [/\.\$(queryRaw|executeRaw)(Unsafe)?\b/, /\.query\s*[<(]/];

/** Files outside the rule, each with its reason (the decision record repeats them). */
const ALLOWED: { match: (file: string) => boolean; why: string }[] = [
  { match: (f) => f.startsWith("lib/generated/"), why: "Prisma's generated client, not our code" },
  {
    match: (f) => /\.test\.tsx?$/.test(f),
    why: "tests check rules the database enforces (append-only triggers refuse UPDATE/DELETE), install failing triggers to prove a rollback, and build pre-migration schemas: SQL the app must never send",
  },
  { match: (f) => f === "lib/db/migrate.ts", why: "the migrator runs the migration SQL files themselves, before the schema (and so the Prisma client) exists" },
  {
    match: (f) => f === "scripts/lib/runtime.ts",
    why: "start-up probes the server and creates the database before migrations run, so there is no schema for a Prisma client yet",
  },
  { match: (f) => f === "scripts/topology.ts", why: "test harness: waits for PgBouncer to accept connections (SELECT 1), no data access" },
];

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...listFiles(rel));
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(name)) out.push(rel);
  }
  return out;
}

const files = SCANNED.flatMap(listFiles);
const holdsRawSql = (file: string) => {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return RAW_SQL.some((re) => re.test(text));
};
const isHelper = (file: string) => file.endsWith(".sql.server.ts");
const helpers = files.filter(isHelper);

describe("raw SQL policy (docs/decisions/014)", () => {
  it("finds the raw SQL it is looking for (the scan is not vacuous)", () => {
    expect(helpers.filter(holdsRawSql).length).toBeGreaterThan(5);
    expect(RAW_SQL.some((re) => re.test("await tx.$queryRaw`SELECT 1`"))).toBe(true);
    expect(RAW_SQL.some((re) => re.test("await db.$executeRawUnsafe('SELECT 1')"))).toBe(true);
    expect(RAW_SQL.some((re) => re.test('await client.query<{ ok: boolean }>("SELECT 1")'))).toBe(true);
  });

  it("keeps raw SQL inside *.sql.server.ts helpers", () => {
    const offenders = files.filter((f) => !isHelper(f) && !ALLOWED.some((a) => a.match(f)) && holdsRawSql(f));
    expect(offenders, "move this SQL into a lib/<domain>/<name>.sql.server.ts helper (docs/decisions/014)").toEqual([]);
  });

  it("puts helpers under lib/<domain>/, server-only, each saying why it is raw, each named in the decision record", () => {
    const decision = readFileSync(path.join(ROOT, DECISION), "utf8");
    const problems = helpers.flatMap((f) => {
      const text = readFileSync(path.join(ROOT, f), "utf8");
      const out: string[] = [];
      if (!/^lib\/[a-z0-9-]+\/[a-z0-9-]+\.sql\.server\.ts$/.test(f)) out.push(`${f}: not at lib/<domain>/<name>.sql.server.ts`);
      if (!text.includes('import "server-only";')) out.push(`${f}: does not import "server-only"`);
      if (!/^\/\/.*\bRaw because\b/m.test(text)) out.push(`${f}: no comment saying "Raw because …"`);
      if (!decision.includes(`\`${f}\``)) out.push(`${f}: not listed in ${DECISION}`);
      return out;
    });
    expect(problems).toEqual([]);
  });
});
