import "server-only";
import type { z } from "zod";
import { getSessionUser, type TSessionUser } from "@/lib/auth/session.server";
import { env, setting } from "@/lib/env";
import { AppError, isDatabaseUnavailable, parseWith, type TApiError } from "@/lib/errors";

// Every route handler is built with defineRoute: it refuses cross-site writes, parses input with
// zod, checks the session and role itself (never trusting middleware), and turns errors into
// readable 4xx responses. Domain functions do the rest.

type TAuth = "public" | "user" | "trainer" | "admin";
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const DEFAULT_MAX_BODY = 64 * 1024;

export type TRouteContext<TBody, TParams> = { req: Request; user: TSessionUser | null; body: TBody; params: TParams };

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const body: TApiError = {
      ok: false,
      error: { code: error.code, message: error.message, fields: error.details.fields, retryAfterSeconds: error.details.retryAfterSeconds },
    };
    const headers: Record<string, string> = { "Cache-Control": "no-store" };
    if (error.details.retryAfterSeconds) headers["Retry-After"] = String(error.details.retryAfterSeconds);
    return Response.json(body, { status: error.status, headers });
  }
  if (isDatabaseUnavailable(error)) {
    return Response.json({ ok: false, error: { code: "UNAVAILABLE", message: "The service is briefly unavailable. Please try again in a moment." } }, { status: 503, headers: { "Retry-After": "5" } });
  }
  console.error(error);
  return Response.json({ ok: false, error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } }, { status: 500 });
}

/** Browsers send Origin on cross-site writes; refuse any write whose Origin is not this site. */
export function assertSameOrigin(req: Request): void {
  if (!WRITE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  if (!origin) {
    if (site && site !== "same-origin" && site !== "none") throw new AppError("FORBIDDEN", "Cross-site requests are not allowed.");
    return;
  }
  const allowed = new Set<string>();
  // X-Forwarded-Host is anyone's to send unless a proxy we trust sets it (TRUSTED_PROXY_HOPS).
  const host = (trustedProxyHops() > 0 ? req.headers.get("x-forwarded-host")?.split(",").pop()?.trim() : null) || req.headers.get("host");
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  const configured = env().NEXTAUTH_URL;
  if (configured) allowed.add(new URL(configured).origin);
  if (!allowed.has(origin)) throw new AppError("FORBIDDEN", "Cross-site requests are not allowed.");
}

function trustedProxyHops(): number {
  return setting("TRUSTED_PROXY_HOPS");
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request is too large (limit ${Math.round(maxBytes / 1024)} KB).`);
}

/**
 * The body as text, counting bytes as they arrive and stopping at the limit: a body without
 * Content-Length (chunked) is never buffered past `maxBytes`, and the rest is not read at all.
 */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const text = await readBodyText(req, maxBytes);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be valid JSON.");
  }
}

export function defineRoute<TBody = undefined, TParams = Record<string, string>>(options: {
  auth: TAuth;
  body?: z.ZodType<TBody>;
  params?: z.ZodType<TParams>;
  maxBodyBytes?: number;
  handler: (ctx: TRouteContext<TBody, TParams>) => Promise<Response | unknown>;
}) {
  return async (req: Request, ctx?: { params?: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const rawParams = ctx?.params ? await ctx.params : {};
      const params = options.params ? parseWith(options.params, rawParams, "address") : (rawParams as TParams);
      let user: TSessionUser | null = null;
      if (options.auth !== "public") {
        user = await getSessionUser();
        if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
        if (options.auth === "admin" && user.role !== "ADMIN") throw new AppError("FORBIDDEN", "This is only available to administrators.");
        if (options.auth === "trainer" && user.role !== "TRAINER") throw new AppError("FORBIDDEN", "This is only available to trainer accounts.");
      } else user = await getSessionUser().catch(() => null);
      const body = options.body ? parseWith(options.body, await readJson(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY)) : (undefined as TBody);
      const result = await options.handler({ req, user, body, params });
      if (result instanceof Response) return result;
      return Response.json(result ?? { ok: true }, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
