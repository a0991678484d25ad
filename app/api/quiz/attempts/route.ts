import { defineRoute } from "@/lib/http/route.server";
import { startAttempt } from "@/lib/quiz/quiz-attempts.server";
import { ZStartAttempt } from "@/lib/quiz/quiz-request-schemas";

export const POST = defineRoute({
  auth: "user",
  body: ZStartAttempt,
  handler: ({ user, body }) => startAttempt({ userId: user!.id, courseSlug: body.course, quizSlug: body.quiz }),
});
