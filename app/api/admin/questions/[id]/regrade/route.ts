import { z } from "zod";
import { defineRoute } from "@/lib/http/route.server";
import { applyRegrade, previewRegrade } from "@/lib/quiz/regrade.server";

const ZParams = z.strictObject({ id: z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, "is not a question id") });

// GET: dry run (what would change, with effects on credits and certificates). POST: apply.
export const GET = defineRoute({ auth: "admin", params: ZParams, handler: ({ params, user }) => previewRegrade(params.id, user!.id) });

export const POST = defineRoute({
  auth: "admin",
  params: ZParams,
  body: z.strictObject({ confirm: z.literal(true, "Confirm the regrade after reviewing the preview.") }),
  handler: ({ params, user }) => applyRegrade({ questionId: params.id, adminId: user!.id }),
});
