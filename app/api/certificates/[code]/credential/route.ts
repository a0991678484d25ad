import { z } from "zod";
import { getCredentialForViewer } from "@/lib/certificates/get-credential-for-viewer.server";
import { downloadResponse } from "@/lib/http/download";
import { defineRoute } from "@/lib/http/route.server";

// The signed Open Badges 3.0 credential as a download: { jwt, credential }. The jwt is what a
// wallet or verifier checks (against /.well-known/jwks.json); credential is its decoded payload.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "user",
  params: z.object({ code: z.string().max(200) }),
  handler: async ({ user, params }) => {
    const { filename, jwt, credential } = await getCredentialForViewer({ code: params.code, viewer: user! });
    return downloadResponse(`${JSON.stringify({ jwt, credential }, null, 2)}\n`, { fileName: filename, contentType: "application/json; charset=utf-8" });
  },
});
