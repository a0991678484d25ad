// Typed application errors, mapped to HTTP responses in one place (lib/http/route.server.ts).
// A user error is a 4xx with a readable message; only bugs become 500s.

import type { z } from "zod";

const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type TApiError = { ok: false; error: { code: TErrorCode | "INTERNAL"; message: string; fields?: Record<string, string>; retryAfterSeconds?: number } };

export function fieldsFromZod(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * Parses `input` with `schema`, or throws an UNPROCESSABLE AppError naming the first bad field.
 * Lives here, not in lib/http, so domain functions can validate their own input the same way
 * route handlers do.
 */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, what = "request"): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = fieldsFromZod(result.error.issues);
    const first = result.error.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    throw new AppError("UNPROCESSABLE", `Invalid ${what}: ${where}${first?.message ?? "check the values"}`, { fields });
  }
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// Database unavailable
//
// An outage must become a 503 ("try again") and must not be mistaken for a bad item (a batch keeps
// the request for the next run). Decided from the codes the layers put on their errors, read from
// the error and everything it wraps: Prisma's error code, the driver adapter's mapped kind and the
// PostgreSQL SQLSTATE behind it, and Node's socket error code.

/** PostgreSQL SQLSTATEs: the server is going away, restarting or full (class 08 is matched whole). */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Prisma: can't reach / timed out / connection closed / pool timeout / transaction lost with it. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** @prisma/driver-adapter-utils MappedError kinds the pg adapter gives connection failures. */
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Node socket errors. */
const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/**
 * node-postgres and pg-pool raise these without any code (pg/lib/client.js, pg-pool/index.js), so
 * their own fixed messages are the only thing to go by; compared whole, never searched for.
 */
const CODELESS_DRIVER_MESSAGES = new Set([
  "Connection terminated unexpectedly",
  "Connection terminated",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
]);

function isUnavailableCode(code: unknown): boolean {
  if (typeof code !== "string") return false;
  const connectionException = /^08[0-9A-Z]{3}$/.test(code); // SQLSTATE class 08
  return connectionException || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_NODE_CODES.has(code);
}

/** The error and everything it wraps: `cause`, Prisma's `meta.driverAdapterError`, AggregateError's `errors`. */
function* errorChain(error: unknown): Generator<Record<string, unknown>> {
  const pending: unknown[] = [error];
  const seen = new Set<unknown>();
  while (pending.length > 0 && seen.size < 32) {
    const current = pending.shift();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as Record<string, unknown>;
    yield e;
    pending.push(e.cause, (e.meta as Record<string, unknown> | undefined)?.driverAdapterError);
    if (Array.isArray(e.errors)) pending.push(...e.errors);
  }
}

/** True when `error` says the database cannot be reached or is going away (not a query problem). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of errorChain(error)) {
    if (isUnavailableCode(e.code) || isUnavailableCode(e.errorCode) || isUnavailableCode(e.originalCode)) return true;
    if (typeof e.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(e.kind)) return true;
    if (e instanceof Error && CODELESS_DRIVER_MESSAGES.has(e.message)) return true;
  }
  return false;
}
