import { z } from "zod";
import { publishedKey } from "@/lib/certificates/get-jwks.server";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/http/route.server";

// What a credential's kid dereferences to: the public JWK (OB 3.0 8.2.3), current or retired.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "public",
  params: z.object({ kid: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "not a key id") }),
  handler: async ({ params }) => {
    const jwk = await publishedKey(params.kid);
    if (!jwk) throw new AppError("NOT_FOUND", "No signing key has this id.");
    return Response.json(jwk, {
      headers: { "Content-Type": "application/jwk+json", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" },
    });
  },
});
