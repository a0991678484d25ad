import "server-only";
import { after } from "next/server";

// Mail jobs run off the request path: the handler answers as soon as the job is queued, so how
// long a database write or an SMTP round trip takes never shows in its response time (the
// forgot-password timing probe: existing accounts answered 6–10 ms slower than unknown ones).
// In-process and in order; a job that fails is logged, and the person can ask again (every flow
// that mails is idempotent from their side). A process that stops loses its queued jobs the same
// way a mail server outage would lose the mail: the answer never promised delivery.

let tail: Promise<void> = Promise.resolve();
let pending = 0;

/** How many jobs were queued since start (an operational counter; tests compare its deltas). */
export const mailQueueStats = { queued: 0 };

// Inside a request, Next's after() starts the job once the response has been sent, plus a short
// pause so its database writes do not share the CPU with the last bytes of that response on
// their way out; outside a request (scripts, tests) on the next turn.
const AFTER_RESPONSE_DELAY_MS = 20;
function afterResponse(run: () => void): void {
  try {
    after(() => new Promise<void>((resolve) => setTimeout(() => resolve(run()), AFTER_RESPONSE_DELAY_MS)));
  } catch {
    setImmediate(run);
  }
}

export function enqueueMailJob(label: string, job: () => Promise<void>): void {
  mailQueueStats.queued += 1;
  pending += 1;
  afterResponse(() => {
    tail = tail
      .then(job)
      .catch((error) => console.error(`mail job "${label}" failed`, error))
      .finally(() => {
        pending -= 1;
      });
  });
}

/** Resolves when every job queued so far has run (tests, graceful shutdown). */
export async function drainMailQueue(): Promise<void> {
  while (pending > 0) {
    await tail;
    await new Promise((resolve) => setImmediate(resolve)); // a job scheduled but not yet chained
  }
}
