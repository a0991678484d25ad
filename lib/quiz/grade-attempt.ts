import { type TQuestion, type TResponse, ZResponse } from "@/lib/quiz/quiz-schema";

/** Every question is worth one point, counted in hundredths so all arithmetic stays integral. */
const QUESTION_WORTH_HUNDREDTHS = 100;

export type TQuestionGrade = { earned: number; correct: boolean };

const NONE: TQuestionGrade = { earned: 0, correct: false };

function full(isRight: boolean): TQuestionGrade {
  return isRight ? { earned: QUESTION_WORTH_HUNDREDTHS, correct: true } : NONE;
}

function partial(numerator: number, denominator: number): TQuestionGrade {
  const earned = Math.floor((Math.max(0, numerator) * QUESTION_WORTH_HUNDREDTHS) / denominator);
  const clamped = Math.min(QUESTION_WORTH_HUNDREDTHS, earned);
  return { earned: clamped, correct: clamped === QUESTION_WORTH_HUNDREDTHS };
}

// Decimal answers such as 0.1 + 0.2 must not miss an inclusive tolerance by one ulp; the margin
// scales with the numbers involved and is far below any tolerance an author would write.
function withinTolerance(value: number, answer: number, tolerance: number): boolean {
  const epsilon = 1e-9 * Math.max(1, Math.abs(answer), Math.abs(value), tolerance);
  return Math.abs(value - answer) <= tolerance + epsilon;
}

/**
 * Grades one question. The response is re-parsed here so a stored or hand-built value of the
 * wrong shape or type counts as unanswered instead of throwing; only the response's own fields
 * are read, never anything a client claims about correctness.
 */
export function gradeQuestion(question: TQuestion, response: TResponse | undefined): TQuestionGrade {
  if (response === undefined) return NONE;
  const parsed = ZResponse.safeParse(response);
  if (!parsed.success) return NONE;
  const r = parsed.data;

  switch (question.type) {
    case "single":
      return r.type === "single" ? full(r.optionId === question.answer) : NONE;

    case "true-false":
      return r.type === "true-false" ? full(r.value === question.answer) : NONE;

    case "numeric":
      return r.type === "numeric"
        ? full(withinTolerance(r.value, question.answer, question.tolerance))
        : NONE;

    case "ordering":
      return r.type === "ordering"
        ? full(
            r.itemIds.length === question.answer.length &&
              r.itemIds.every((id, index) => id === question.answer[index]),
          )
        : NONE;

    case "multiple": {
      if (r.type !== "multiple") return NONE;
      // A Set: naming the right option five times must not count five times.
      const chosen = new Set(r.optionIds);
      const key = new Set(question.answer);
      let right = 0;
      let wrong = 0;
      for (const id of chosen) {
        if (key.has(id)) right += 1;
        else wrong += 1; // ids that are not even options count against, like any wrong pick
      }
      if (question.scoring === "all-or-nothing") {
        return full(wrong === 0 && right === key.size);
      }
      return partial(right - wrong, key.size);
    }

    case "matching": {
      if (r.type !== "matching") return NONE;
      const promptIds = question.prompts.map((p) => p.id);
      let right = 0;
      for (const promptId of promptIds) {
        if (Object.hasOwn(r.pairs, promptId) && r.pairs[promptId] === question.answer[promptId]) {
          right += 1;
        }
      }
      return partial(right, promptIds.length);
    }
  }
}

export type TGradeAttemptInput = {
  /** The drawn questions, each at the version the trainer was shown. */
  questions: readonly TQuestion[];
  /** Keyed by question id; missing or malformed entries score 0. Extra keys are ignored. */
  responses: Readonly<Record<string, TResponse | undefined>>;
  passMark: number;
};

type TPerQuestionGrade = { questionId: string; earned: number; correct: boolean };

export type TAttemptGrade = {
  earnedHundredths: number;
  possibleHundredths: number;
  /** floor(100 * earned / possible): a trainer never passes by rounding up. */
  scorePercent: number;
  passed: boolean;
  perQuestion: TPerQuestionGrade[];
};

export function gradeAttempt({ questions, responses, passMark }: TGradeAttemptInput): TAttemptGrade {
  const perQuestion = questions.map((question) => {
    // hasOwn: a question id such as "constructor" must not read Object.prototype.
    const response = Object.hasOwn(responses, question.id) ? responses[question.id] : undefined;
    const { earned, correct } = gradeQuestion(question, response);
    return { questionId: question.id, earned, correct };
  });
  const earnedHundredths = perQuestion.reduce((sum, q) => sum + q.earned, 0);
  const possibleHundredths = questions.length * QUESTION_WORTH_HUNDREDTHS;
  const scorePercent =
    possibleHundredths === 0 ? 0 : Math.floor((earnedHundredths * 100) / possibleHundredths);
  // An attempt with no questions is a broken draw, never a pass.
  const passed = possibleHundredths > 0 && scorePercent >= passMark;
  return { earnedHundredths, possibleHundredths, scorePercent, passed, perQuestion };
}
