import { z } from "zod";
import { signedStatusList } from "@/lib/certificates/site-credentials.server";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/http/route.server";

// A Bitstring Status List credential (revocation), signed as a VC-JWT. Computed from the
// certificates' status on each request; the short max-age bounds how long a cache may hide a
// revocation from a verifier.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "public",
  params: z.object({ list: z.string().regex(/^\d{1,6}$/, "not a status list number") }),
  handler: async ({ params }) => {
    const jwt = await signedStatusList(Number(params.list));
    if (!jwt) throw new AppError("NOT_FOUND", "No status list has this number.");
    return new Response(jwt, {
      headers: { "Content-Type": "application/vc+jwt", "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" },
    });
  },
});
