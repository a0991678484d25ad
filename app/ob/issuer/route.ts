import { issuerProfile } from "@/lib/certificates/site-credentials.server";
import { defineRoute } from "@/lib/http/route.server";

// The issuer Profile, as JSON at the id every credential names (OB 3.0: ids dereference).
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "public",
  handler: async () =>
    Response.json(issuerProfile(), {
      headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" },
    }),
});
