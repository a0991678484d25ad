import { defineRoute } from "@/lib/http/route.server";
import { saveAnswers } from "@/lib/quiz/quiz-attempts.server";
import { ZAttemptParams, ZSaveAnswers } from "@/lib/quiz/quiz-request-schemas";

export const PUT = defineRoute({
  auth: "user",
  params: ZAttemptParams,
  body: ZSaveAnswers,
  handler: ({ user, params, body }) => saveAnswers({ userId: user!.id, attemptId: params.id, answers: body.answers }),
});
