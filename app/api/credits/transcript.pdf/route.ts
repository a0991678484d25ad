import { renderTranscriptPdf } from "@/lib/credits/ledger.server";
import { downloadResponse } from "@/lib/http/download";
import { defineRoute } from "@/lib/http/route.server";

// The signed-in trainer's transcript as a PDF to send to their certifying body.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "user",
  handler: async ({ user }) => {
    const pdf = await renderTranscriptPdf({ userId: user!.id, now: new Date() });
    return downloadResponse(pdf, { fileName: "backbone-ce-transcript.pdf", contentType: "application/pdf" });
  },
});
