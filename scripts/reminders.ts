import { parseArgs } from "node:util";
import { z } from "zod";
import { runReminderSweep } from "@/lib/reminders/send-reminders.server";

// The reminder scheduler: `npm run reminders` sweeps once; `-- --every 600` sweeps every ten
// minutes until stopped (npm start runs it that way beside the web server). Any number may run
// against one database: each sweep takes a PostgreSQL advisory lease, and each mail is claimed
// by a unique row, so nothing is sent twice (docs/decisions/013). `--now` (ISO instant) sweeps as
// of another time, for tests and for catching up.

const ZArgs = z.object({
  every: z.coerce.number().int().min(10).max(86_400).optional(),
  now: z.iso.datetime({ offset: true }).optional(),
});

async function main() {
  const { values } = parseArgs({ options: { every: { type: "string" }, now: { type: "string" } } });
  const parsed = ZArgs.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(`✖ reminders: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}\n`);
    process.exit(2);
  }
  const { every, now } = parsed.data;
  const sweep = async () => {
    const result = await runReminderSweep({ now: now ? new Date(now) : new Date() });
    process.stdout.write(`${JSON.stringify(result === null ? { skipped: true } : result)}\n`);
  };
  if (!every) {
    await sweep();
    process.exit(0);
  }
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  while (!stopping) {
    await sweep().catch((error) => process.stderr.write(`reminders: sweep failed: ${error instanceof Error ? error.message : String(error)}\n`));
    for (let waited = 0; waited < every && !stopping; waited += 1) await new Promise((r) => setTimeout(r, 1000));
  }
  process.exit(0);
}

void main();
