import { z } from "zod";

const ZSlug = z.string().min(1).max(80).regex(/^[a-z0-9-]+$/, "must be a slug");
export const ZAttemptParams = z.strictObject({ id: z.string().uuid("is not an attempt id") });
export const ZStartAttempt = z.strictObject({ course: ZSlug, quiz: ZSlug });
// Responses are validated per question against the attempt's draw (quiz-attempts.server.ts);
// here only the envelope and its size are bounded.
const ZAnswers = z.record(z.string().max(64), z.unknown()).refine((a) => Object.keys(a).length <= 100, "too many answers");
export const ZSaveAnswers = z.strictObject({ answers: ZAnswers });
export const ZSubmitAttempt = z.strictObject({
  idempotencyKey: z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/),
  answers: ZAnswers.optional(),
  // A final assessment is submitted with the trainer's confirmation that the work is their own.
  attest: z.boolean().optional(),
});
