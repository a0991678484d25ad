// Whether a certificate request can be issued, decided in one place: the issuing transaction
// (issue-certificate.server.ts) refuses with the message, and the admin queue
// (list-certificate-queue.server.ts) shows the label instead of a checkbox, so the queue never
// offers a request that issuing would refuse, nor hides one it would issue.
//
// A certificate needs a completion (an award of credit, or a completion record where the course
// held no approval for the trainer's body: docs/decisions/007), credit that was not reversed, a
// passed and graded final assessment of this very course behind it (the score on the document
// comes from that attempt), and the trainer's certification details to print.

export type TAttemptFacts = {
  status: string;
  passed: boolean | null;
  scorePercent: number | null;
  quiz: { kind: string; courseId: string; passMark: number };
};

export type TEligibilityInput = {
  courseId: string;
  /** The earliest award of credit for the course, if any. */
  award: { reversed: boolean; attempt: TAttemptFacts | null } | null;
  /** The completion record, if any; its attempt is used when there is no award. */
  completion: { attempt: TAttemptFacts | null } | null;
  /** The body the credit is (or would be) reported to; null when nothing records one. */
  certifyingBody: string | null;
  hasCertificationDetails: boolean;
};

export type TIneligibleReason = "NOT_COMPLETED" | "CREDIT_REVERSED" | "NO_PASSED_FINAL" | "NO_CERTIFICATION_DETAILS";

type TPassedAttempt = TAttemptFacts & { passed: true; scorePercent: number };

export type TEligibility = { eligible: true; attempt: TPassedAttempt } | { eligible: false; reason: TIneligibleReason };

/** Short text for the admin queue, and the full sentence an issuing attempt fails with. */
export const INELIGIBLE_TEXT: Record<TIneligibleReason, { label: string; message: string }> = {
  NOT_COMPLETED: { label: "No credit awarded", message: "This course has not been completed, so there is nothing to certify." },
  CREDIT_REVERSED: { label: "Credit reversed", message: "The credit for this course was reversed, so no certificate can be issued." },
  NO_PASSED_FINAL: {
    label: "No passed final assessment",
    message: "There is no passed final assessment behind this credit, so no certificate can be issued.",
  },
  NO_CERTIFICATION_DETAILS: {
    label: "No certification details",
    message: "This trainer has no certification details to put on a certificate.",
  },
};

function isPassedFinal(attempt: TAttemptFacts | null, courseId: string): attempt is TPassedAttempt {
  return (
    attempt !== null &&
    attempt.status === "GRADED" &&
    attempt.passed === true &&
    attempt.scorePercent !== null &&
    attempt.quiz.kind === "FINAL" &&
    attempt.quiz.courseId === courseId
  );
}

export function checkCertificateEligibility(input: TEligibilityInput): TEligibility {
  if ((!input.award && !input.completion) || !input.certifyingBody) return { eligible: false, reason: "NOT_COMPLETED" };
  if (input.award?.reversed) return { eligible: false, reason: "CREDIT_REVERSED" };
  const attempt = input.award ? input.award.attempt : (input.completion?.attempt ?? null);
  if (!isPassedFinal(attempt, input.courseId)) return { eligible: false, reason: "NO_PASSED_FINAL" };
  if (!input.hasCertificationDetails) return { eligible: false, reason: "NO_CERTIFICATION_DETAILS" };
  return { eligible: true, attempt };
}
