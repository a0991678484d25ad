import { defineRoute } from "@/lib/http/route.server";
import { submitAttempt } from "@/lib/quiz/quiz-attempts.server";
import { ZAttemptParams, ZSubmitAttempt } from "@/lib/quiz/quiz-request-schemas";

export const POST = defineRoute({
  auth: "user",
  params: ZAttemptParams,
  body: ZSubmitAttempt,
  handler: async ({ user, params, body }) => {
    const result = await submitAttempt({ userId: user!.id, attemptId: params.id, idempotencyKey: body.idempotencyKey, answers: body.answers, attest: body.attest });
    if (result.expired) {
      // Graded with the answers saved in time; the late answers in this request were refused.
      return Response.json(
        { ok: false, error: { code: "GONE", message: `Time ran out for this attempt. It was graded with the answers saved before the deadline: ${result.scorePercent}%.` }, result },
        { status: 410 },
      );
    }
    return result;
  },
});
