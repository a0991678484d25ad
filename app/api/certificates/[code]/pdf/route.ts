import { z } from "zod";
import { renderCertificatePdfForViewer } from "@/lib/certificates/render-certificate-pdf-for-viewer.server";
import { downloadResponse } from "@/lib/http/download";
import { defineRoute } from "@/lib/http/route.server";

// The certificate PDF, for its holder or an administrator (anyone else: 404; revoked: 410).
// Rendered on demand from the stored snapshot, so it is identical every time.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "user",
  params: z.object({ code: z.string().max(200) }),
  handler: async ({ user, params }) => {
    const { filename, bytes } = await renderCertificatePdfForViewer({ code: params.code, viewer: user! });
    return downloadResponse(bytes, { fileName: filename, contentType: "application/pdf" });
  },
});
