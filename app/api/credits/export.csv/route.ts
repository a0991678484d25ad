import { streamLedgerCsv } from "@/lib/credits/ledger.server";
import { defineRoute } from "@/lib/http/route.server";

// The signed-in trainer's own ledger as CSV. Never cached: it is personal and changes with every award.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "user",
  handler: async ({ user }) => {
    const stream = await streamLedgerCsv({ userId: user!.id });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": 'attachment; filename="backbone-ce-transcript.csv"',
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
