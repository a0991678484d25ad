import { parseArgs } from "node:util";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { ZEmail, ZTimeZone } from "@/lib/auth/account-schemas";
import { ZNewPassword } from "@/lib/auth/password-policy";
import { createPrismaClient } from "@/lib/db/client";
import { createUser } from "@/prisma/seed-helpers";
import { fail, openDatabase, StartupError } from "./lib/runtime";

// `npm run admin:create -- --email you@example.com --name "Your Name"`: makes an administrator.
// The password comes from ADMIN_PASSWORD, or is asked for (twice, hidden) when run in a terminal;
// it never goes on the command line, where shell history and `ps` would keep it.
const USAGE = 'usage: npm run admin:create -- --email you@example.com --name "Your Name" [--time-zone Europe/London]';

const ZArgs = z.object({
  email: ZEmail,
  name: z.string().trim().min(2, "--name must be at least 2 characters").max(100, "--name must be at most 100 characters"),
  timeZone: ZTimeZone.default("UTC"),
});

function firstIssue(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  return `${what}${issue?.path.length ? ` (${issue.path.join(".")})` : ""}: ${issue?.message ?? "invalid"}`;
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") return done();
        if (ch === "\u0003") return done(new StartupError("cancelled"));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new StartupError("no password: set ADMIN_PASSWORD, or run the command in a terminal to be asked for one");
  const first = await promptHidden("Password (at least 12 characters): ");
  const check = ZNewPassword.safeParse(first);
  if (!check.success) throw new StartupError(`password: ${check.error.issues[0]?.message}`);
  const second = await promptHidden("Repeat the password: ");
  if (first !== second) throw new StartupError("the two passwords do not match");
  return first;
}

async function main() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, "time-zone": { type: "string" }, help: { type: "boolean" } } }));
  } catch (error) {
    throw new StartupError(`${(error as Error).message}\n  ${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.email || !values.name) throw new StartupError(`--email and --name are required\n  ${USAGE}`);
  const args = ZArgs.safeParse({ email: values.email, name: values.name, timeZone: values["time-zone"] });
  if (!args.success) throw new StartupError(firstIssue(args.error, "invalid argument"));

  const password = await readPassword();
  const strong = ZNewPassword.safeParse(password);
  if (!strong.success) throw new StartupError(`password: ${strong.error.issues[0]?.message}`);

  const database = await openDatabase();
  const db = createPrismaClient(database.url, { max: 1 });
  try {
    const existing = await db.user.findUnique({ where: { email: args.data.email }, select: { role: true } });
    if (existing) {
      throw new StartupError(
        existing.role === "ADMIN"
          ? `${args.data.email} is already an administrator`
          : `${args.data.email} already has a trainer account: promote it from /admin/users, or use another email`,
      );
    }
    const user = await createUser(db, { email: args.data.email, name: args.data.name, password, role: "ADMIN", timeZone: args.data.timeZone, verified: true });
    await db.$transaction((tx) => recordAudit(tx, { actorId: null, action: "user.create-admin", targetType: "user", targetId: user.id, data: { via: "cli" } }));
    console.log(`✔ administrator ${user.email} created (${database.describe}); sign in at /sign-in`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "P2021" || code === "42P01") throw new StartupError("the database has no tables yet: run `npm run db:migrate` (or `npm start`) first");
    if (code === "P2002") throw new StartupError(`${args.data.email} already has an account`);
    throw error;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  if (error instanceof StartupError) fail(error.message);
  fail(error instanceof Error ? error.message.split("\n")[0] : String(error));
});
