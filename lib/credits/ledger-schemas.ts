import { z } from "zod";
import { parseCecAmount } from "@/lib/credits/cec-amount";
import { ZIdParams } from "@/lib/ids";
import { ZText } from "@/lib/text/safe-text";

// Inputs for the credit ledger. Amounts arrive as decimal strings ("0.50", "-0.20") and leave as
// integer hundredths; parseCecAmount refuses anything that is not exact.

/** One adjustment may move at most this much credit (100.00): larger is surely a typo. */
export const MAX_ADJUSTMENT_HUNDREDTHS = 10_000;
const MIN_REASON_LENGTH = 5;
export const MAX_REASON_LENGTH = 500;

const ZAdjustmentAmount = z
  .string()
  .trim()
  .max(20)
  .transform((value, ctx) => {
    let hundredths: number;
    try {
      hundredths = parseCecAmount(value, { allowNegative: true });
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
    if (hundredths === 0) {
      ctx.addIssue({ code: "custom", message: "An adjustment cannot be zero." });
      return z.NEVER;
    }
    if (Math.abs(hundredths) > MAX_ADJUSTMENT_HUNDREDTHS) {
      ctx.addIssue({ code: "custom", message: "An adjustment can move at most 100.00 credits at once." });
      return z.NEVER;
    }
    return hundredths;
  });

export const ZAdjustmentReason = ZText({ min: MIN_REASON_LENGTH, max: MAX_REASON_LENGTH, minMessage: `Give a reason of at least ${MIN_REASON_LENGTH} characters.` });

/** POST /api/admin/users/[id]/credits */
export const ZAdjustCreditBody = z.strictObject({
  amount: ZAdjustmentAmount,
  reason: ZAdjustmentReason,
  courseId: ZText({ min: 1, max: 64 }).optional(),
});

/** A user id in an address (cuid). */
export const ZUserIdParams = ZIdParams;
