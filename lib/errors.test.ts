import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { AppError, isDatabaseUnavailable, parseWith } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// Errors built the way the layers build them: Prisma's known-request error wrapping the pg
// adapter's DriverAdapterError (whose cause is the mapped kind, with the SQLSTATE as originalCode),
// node-postgres' DatabaseError shape, and Node's socket errors.
const known = (code: string, adapter?: ConstructorParameters<typeof DriverAdapterError>[0]) =>
  new Prisma.PrismaClientKnownRequestError("failed", { code, clientVersion: "7", meta: adapter ? { driverAdapterError: new DriverAdapterError(adapter) } : undefined });
const pgError = (code: string) => Object.assign(new Error("server said no"), { code, severity: "FATAL" });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: "connect" });
const postgres = (code: string) => ({ kind: "postgres", code, originalCode: code, severity: "FATAL", message: "m", detail: undefined, column: undefined, hint: undefined }) as const;

describe("isDatabaseUnavailable", () => {
  test.each<[string, unknown, boolean]>([
    // Prisma codes
    ["P1001 can't reach the server", known("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }), true],
    ["P1002 timed out", known("P1002"), true],
    ["P1017 server closed the connection", known("P1017", { kind: "ConnectionClosed" }), true],
    ["P2024 pool timeout", known("P2024"), true],
    ["P2028 transaction lost with the connection", known("P2028"), true],
    ["initialization error (errorCode)", Object.assign(new Error("init"), { errorCode: "P1001" }), true],
    // SQLSTATE behind a raw query (P2010) or wrapped by Prisma
    ["P2010 raw query, admin shutdown 57P01", known("P2010", postgres("57P01")), true],
    ["P2010 raw query, crash shutdown 57P02", known("P2010", postgres("57P02")), true],
    ["P2010 raw query, cannot connect now 57P03", known("P2010", postgres("57P03")), true],
    ["too many connections 53300", known("P2010", postgres("53300")), true],
    ["connection exception class 08 (08006)", pgError("08006"), true],
    ["connection exception class 08 (08P01)", pgError("08P01"), true],
    ["adapter kind TooManyConnections", new DriverAdapterError({ kind: "TooManyConnections", cause: "full" }), true],
    ["adapter kind SocketTimeout", new DriverAdapterError({ kind: "SocketTimeout" }), true],
    // Node socket errors, also deep in the cause chain and inside AggregateError
    ["ECONNREFUSED", socketError("ECONNREFUSED"), true],
    ["ECONNRESET", socketError("ECONNRESET"), true],
    ["ETIMEDOUT", socketError("ETIMEDOUT"), true],
    ["ECONNREFUSED as the cause of a cause", new Error("outer", { cause: new Error("middle", { cause: socketError("ECONNREFUSED") }) }), true],
    ["AggregateError of refused addresses", Object.assign(new AggregateError([socketError("ECONNREFUSED")], ""), { code: undefined }), true],
    // node-postgres / pg-pool errors that carry no code at all
    ["pg: Connection terminated unexpectedly", new Error("Connection terminated unexpectedly"), true],
    ["pg-pool: timeout exceeded when trying to connect", new Error("timeout exceeded when trying to connect"), true],
    // Not an outage
    ["unique violation P2002", known("P2002", { kind: "UniqueConstraintViolation", constraint: { fields: ["code"] } }), false],
    ["raw query with a syntax error 42601", known("P2010", postgres("42601")), false],
    ["serialization failure 40001", pgError("40001"), false],
    ["record not found P2025", known("P2025"), false],
    ["an AppError", new AppError("CONFLICT", "Already issued."), false],
    ["a message that merely mentions ECONNREFUSED", new Error("user typed ECONNREFUSED P1001 57P01 into a field"), false],
    ["a message that contains a driver message", new Error("Quiz failed: Connection terminated unexpectedly"), false],
    ["a code-like number", Object.assign(new Error("x"), { code: 8006 }), false],
    ["null", null, false],
    ["a string", "ECONNREFUSED", false],
    ["a cycle in the cause chain", (() => { const e = new Error("a") as Error & { cause?: unknown }; e.cause = e; return e; })(), false],
  ])("%s", (_name, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});

describe("parseWith", () => {
  const ZInput = z.object({ id: z.string().min(1, "must not be empty") });
  test("returns the parsed value", () => {
    expect(parseWith(ZInput, { id: "a" })).toEqual({ id: "a" });
  });
  test("throws UNPROCESSABLE naming the first bad field", () => {
    const error = (() => {
      try {
        parseWith(ZInput, { id: "" }, "filter");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("UNPROCESSABLE");
    expect((error as AppError).message).toBe("Invalid filter: id: must not be empty");
    expect((error as AppError).details.fields).toEqual({ id: "must not be empty" });
  });
});
