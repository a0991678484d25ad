import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

// As root, the embedded PostgreSQL runs as the system user `postgres` (PostgreSQL refuses root).
// That user must be able to enter every folder above its data folder; a `mktemp -d` folder
// (mode 0700, owned by root) is the usual trap, and initdb then only says "Permission denied".

export type TDirEntry = { dir: string; mode: number; uid: number; gid: number };
export type TUser = { uid: number; gids: number[] } | null;

/** Pure: the first folder (outermost first) that `user` cannot enter; null when all can be entered. */
export function findBlockedDir(chain: TDirEntry[], user: TUser): TDirEntry | null {
  for (const entry of chain) {
    const canEnter = user
      ? entry.uid === user.uid
        ? (entry.mode & 0o100) !== 0
        : user.gids.includes(entry.gid)
          ? (entry.mode & 0o010) !== 0
          : (entry.mode & 0o001) !== 0
      : (entry.mode & 0o001) !== 0; // a user yet to be created owns nothing and is in no group
    if (!canEnter) return entry;
  }
  return null;
}

function systemUser(name: string): TUser {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
    const gids = execFileSync("id", ["-G", name], { encoding: "utf8" }).trim().split(/\s+/).map(Number);
    return { uid, gids };
  } catch {
    return null;
  }
}

/** Every existing folder from / down to `dir`. */
function existingChain(dir: string): TDirEntry[] {
  const chain: TDirEntry[] = [];
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(current)) {
      const s = statSync(current);
      chain.unshift({ dir: current, mode: s.mode & 0o777, uid: s.uid, gid: s.gid });
    }
    const parent = path.dirname(current);
    if (parent === current) return chain;
    current = parent;
  }
}

/** A one-line explanation when the database user cannot use `dataDir`, else null. */
export function dataDirProblem(dataDir: string, runAs = "postgres"): string | null {
  const blocked = findBlockedDir(existingChain(dataDir), systemUser(runAs));
  if (!blocked) return null;
  const mode = blocked.mode.toString(8).padStart(4, "0");
  return (
    `the database cannot use ${dataDir}: running as root, PostgreSQL runs as the system user "${runAs}", which cannot enter ` +
    `${blocked.dir} (mode ${mode}). Fix with \`chmod o+x ${blocked.dir}\` (or \`chmod 755\`), or set BACKBONE_DATA_DIR to a folder it can reach`
  );
}
