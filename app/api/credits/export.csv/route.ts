import { streamLedgerCsv } from "@/lib/credits/ledger.server";
import { csvResponse } from "@/lib/http/download";
import { defineRoute } from "@/lib/http/route.server";

// The signed-in trainer's own ledger as CSV. Never cached: it is personal and changes with every award.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "user",
  handler: async ({ user }) => {
    const stream = await streamLedgerCsv({ userId: user!.id });
    return csvResponse(stream, "backbone-ce-transcript.csv");
  },
});
