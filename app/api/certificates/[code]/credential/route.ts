import { z } from "zod";
import { getCredentialForViewer } from "@/lib/certificates/get-credential-for-viewer.server";
import { defineRoute } from "@/lib/http/route.server";

// The signed Open Badges 3.0 credential as a download: { jwt, credential }. The jwt is what a
// wallet or verifier checks (against /.well-known/jwks.json); credential is its decoded payload.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "user",
  params: z.object({ code: z.string().max(200) }),
  handler: async ({ user, params }) => {
    const { filename, jwt, credential } = await getCredentialForViewer({ code: params.code, viewer: user! });
    return new Response(`${JSON.stringify({ jwt, credential }, null, 2)}\n`, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
