import { streamLedgerCsv } from "@/lib/credits/ledger.server";
import { ZUserIdParams } from "@/lib/credits/ledger-schemas";
import { csvResponse } from "@/lib/http/download";
import { defineRoute } from "@/lib/http/route.server";

// A trainer's ledger as CSV, for administrators (e.g. answering a certifying body's audit).
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "admin",
  params: ZUserIdParams,
  handler: async ({ params }) => {
    const stream = await streamLedgerCsv({ userId: params.id });
    return csvResponse(stream, `backbone-ce-transcript-${params.id}.csv`);
  },
});
