import { siteJwks } from "@/lib/certificates/issue-certificate.server";
import { defineRoute } from "@/lib/http/route.server";

// The public key certificates' credentials are signed with (Ed25519, kid = RFC 7638 thumbprint),
// at the conventional address under the issuer id. Read from the runtime key, never at build time.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "public",
  handler: async () =>
    Response.json(siteJwks(), {
      headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" },
    }),
});
