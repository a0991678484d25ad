import { z } from "zod";
import { buildCertificateZip, MAX_ZIP_CODES } from "@/lib/certificates/build-certificate-zip.server";
import { downloadResponse } from "@/lib/http/download";
import { defineRoute } from "@/lib/http/route.server";
import { ZText } from "@/lib/text/safe-text";

// POST { codes } (1–500): one ZIP with a PDF per issued certificate; codes that are unknown or
// revoked are listed in SKIPPED.txt inside it.
export const POST = defineRoute({
  auth: "admin",
  body: z.strictObject({ codes: z.array(ZText({ min: 1, max: 120 })).min(1, "Choose at least one certificate.").max(MAX_ZIP_CODES, `At most ${MAX_ZIP_CODES} certificates per download.`) }),
  handler: async ({ body, user }) => {
    const { bytes, included, skipped } = await buildCertificateZip(body.codes, user!.id);
    const stamp = new Date().toISOString().slice(0, 10);
    return downloadResponse(bytes, {
      fileName: `certificates-${stamp}.zip`,
      contentType: "application/zip",
      headers: { "X-Certificates-Included": String(included), "X-Certificates-Skipped": String(skipped.length) },
    });
  },
});
