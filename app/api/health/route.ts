import { clientIp, isLoopback } from "@/lib/auth/request-ip";
import { getSessionUser } from "@/lib/auth/session.server";
import { checkHealth } from "@/lib/db/check-health.server";

export const dynamic = "force-dynamic";

// Load balancers get the status (200 / 503) from anywhere; the details (migration count, the
// reason for a failure) only an admin or a request from this machine sees.
export async function GET(req: Request) {
  const health = await checkHealth();
  const detailed = isLoopback(clientIp(req.headers.get("x-forwarded-for"))) || (health.ok && (await getSessionUser().catch(() => null))?.role === "ADMIN");
  const body = health.ok
    ? { status: "ok", ...(detailed ? { database: "reachable", migrations: health.migrations } : {}) }
    : { status: "error", ...(detailed ? { reason: health.reason } : {}) };
  return Response.json(body, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
