import { after } from "next/server";
import { getBatchStatus } from "@/lib/certificates/get-batch-status.server";
import { runIssueBatch } from "@/lib/certificates/run-issue-batch.server";
import { defineRoute } from "@/lib/http/route.server";
import { ZIdParams } from "@/lib/ids";

// GET a batch's progress. A RUNNING batch whose runner has gone quiet (instance restarted, crash)
// is resumed from here, so reloading the admin page is enough to finish it.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "admin",
  params: ZIdParams,
  handler: async ({ params, user }) => {
    const batch = await getBatchStatus(params.id, user!.id);
    if (batch.stalled) after(() => runIssueBatch(params.id).catch((error) => console.error("certificate batch resume failed", error)));
    return { ok: true, batch, resumed: batch.stalled };
  },
});
