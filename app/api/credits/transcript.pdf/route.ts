import { renderTranscriptPdf } from "@/lib/credits/ledger.server";
import { defineRoute } from "@/lib/http/route.server";

// The signed-in trainer's transcript as a PDF to send to their certifying body.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "user",
  handler: async ({ user }) => {
    const pdf = await renderTranscriptPdf({ userId: user!.id, now: new Date() });
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": 'attachment; filename="backbone-ce-transcript.pdf"',
        "Content-Length": String(pdf.byteLength),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
