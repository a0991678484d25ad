// Evidence that a trainer spent time on a lesson (docs/decisions/007). The browser sends a
// heartbeat while the lesson is visible and in use; the server, not the browser, decides how much
// time each heartbeat is worth, from its own clock:
// - the time since the last counted heartbeat, capped at MAX_BEAT_SECONDS per request;
// - nothing when the gap is longer than IDLE_GAP_SECONDS (the page was hidden, the trainer idle or
//   away): the clock restarts instead;
// - one clock per trainer and lesson, so heartbeats faster than real time (or from several tabs)
//   add up to the real time that passed, never more.

/** At most this much time is credited by one heartbeat. */
const MAX_BEAT_SECONDS = 30;
/** A longer silence means the trainer was not there; the clock restarts. */
const IDLE_GAP_SECONDS = 60;

export type TLessonClock = { observedSeconds: number; lastBeatAt: Date | null };

export function accrueObservedTime(clock: TLessonClock, now: Date): TLessonClock & { countedSeconds: number } {
  const last = clock.lastBeatAt;
  // A heartbeat whose clock reading is older than the last one (parallel requests) counts nothing
  // and never moves the clock back.
  if (last && now.getTime() <= last.getTime()) return { observedSeconds: clock.observedSeconds, lastBeatAt: last, countedSeconds: 0 };
  const gap = last ? (now.getTime() - last.getTime()) / 1000 : Number.POSITIVE_INFINITY;
  const countedSeconds = gap > IDLE_GAP_SECONDS ? 0 : Math.floor(Math.min(gap, MAX_BEAT_SECONDS));
  // A fraction of a second is carried by keeping lastBeatAt where the counted time ends, so many
  // quick beats still add up to the whole seconds that passed.
  const lastBeatAt = gap > IDLE_GAP_SECONDS || gap >= MAX_BEAT_SECONDS ? now : new Date(last!.getTime() + countedSeconds * 1000);
  return { observedSeconds: clock.observedSeconds + countedSeconds, lastBeatAt, countedSeconds };
}

/** Seconds a lesson must be observed before it may be completed. */
export function requiredObservedSeconds(estimatedSeconds: number, share: number): number {
  return Math.ceil(Math.max(0, estimatedSeconds) * Math.min(1, Math.max(0, share)));
}

function minutesLabel(seconds: number): string {
  const minutes = seconds / 60;
  return minutes < 1 ? `${Math.round(seconds)} seconds` : `${Math.round(minutes * 10) / 10} minute${minutes === 1 ? "" : "s"}`;
}

/** Null when the lesson may be completed, otherwise the message the trainer sees. */
export function explainCompletionBlock(observedSeconds: number, requiredSeconds: number): string | null {
  if (observedSeconds >= requiredSeconds) return null;
  return `Spend a little longer with this lesson before marking it complete: ${minutesLabel(observedSeconds)} of the ${minutesLabel(requiredSeconds)} needed have been recorded. Time counts while the lesson is open and you are reading.`;
}
