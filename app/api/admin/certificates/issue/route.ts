import { after } from "next/server";
import { z } from "zod";
import { MAX_BATCH_REQUESTS } from "@/lib/certificates/issue-batch-limits";
import { issueCertificate } from "@/lib/certificates/issue-certificate.server";
import { runIssueBatch } from "@/lib/certificates/run-issue-batch.server";
import { startIssueBatch } from "@/lib/certificates/start-issue-batch.server";
import { defineRoute } from "@/lib/http/route.server";
import { ZId } from "@/lib/ids";

// POST { requestIds } (1–1000). One id: issued at once, the certificate returned. More: a batch is
// created and worked through after the response; poll /api/admin/certificates/batches/<batchId>.
const ZBody = z.strictObject({
  requestIds: z.array(ZId).min(1, "Select at least one request.").max(MAX_BATCH_REQUESTS, `At most ${MAX_BATCH_REQUESTS} requests at once.`),
});

export const POST = defineRoute({
  auth: "admin",
  body: ZBody,
  handler: async ({ user, body }) => {
    const ids = [...new Set(body.requestIds)];
    if (ids.length === 1) {
      const { certificate, created } = await issueCertificate({ requestId: ids[0], adminId: user!.id });
      return Response.json({ ok: true, certificate, created }, { status: created ? 201 : 200, headers: { "Cache-Control": "no-store" } });
    }
    const batch = await startIssueBatch({ adminId: user!.id, requestIds: ids });
    after(() => runIssueBatch(batch.batchId).catch((error) => console.error("certificate batch run failed; the next status poll resumes it", error)));
    return Response.json({ ok: true, ...batch }, { status: 202, headers: { "Cache-Control": "no-store" } });
  },
});
