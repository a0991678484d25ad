import { formatCec } from "@/lib/credits/cec-amount";
import { adjustCredit } from "@/lib/credits/ledger.server";
import { ZAdjustCreditBody, ZUserIdParams } from "@/lib/credits/ledger-schemas";
import { defineRoute } from "@/lib/http/route.server";

// An administrator adds or removes credit with a reason: { amount: "0.50" | "-0.20", reason, courseId? }.
// The entry and its audit record are written together; an unknown user is a 404.
export const POST = defineRoute({
  auth: "admin",
  params: ZUserIdParams,
  body: ZAdjustCreditBody,
  handler: async ({ user, params, body }) => {
    const entry = await adjustCredit({
      adminId: user!.id,
      userId: params.id,
      amountHundredths: body.amount,
      reason: body.reason,
      courseId: body.courseId ?? null,
    });
    return Response.json(
      {
        ok: true,
        entry: {
          id: entry.id,
          kind: "ADJUSTMENT",
          amount: formatCec(entry.amountHundredths),
          amountHundredths: entry.amountHundredths,
          reason: entry.reason,
          courseId: entry.courseId,
          occurredAt: entry.occurredAt.toISOString(),
        },
      },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  },
});
