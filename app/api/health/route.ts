import { checkHealth } from "@/lib/db/check-health.server";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  const body = health.ok
    ? { status: "ok", database: "reachable", migrations: health.migrations }
    : { status: "error", reason: health.reason };
  return Response.json(body, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
