// Limits of bulk issuing, shared by the route that starts a batch and the runner.

export const MAX_BATCH_REQUESTS = 1000;
/** A RUNNING batch with no heartbeat for this long has no runner; the next resume takes it over. */
export const STALL_SECONDS = 30;
