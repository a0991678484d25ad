import { siteJwks } from "@/lib/certificates/get-jwks.server";
import { defineRoute } from "@/lib/http/route.server";

// Every public key that ever signed a credential (Ed25519; kid = the key's URL, /ob/keys/<RFC 7638
// thumbprint>), current key first: retired keys stay so earlier credentials still verify.
// Read from the runtime key and the database, never at build time.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "public",
  handler: async () =>
    Response.json(await siteJwks(), {
      headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" },
    }),
});
