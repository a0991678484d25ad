import { z } from "zod";
import { resolveReviewPolicy, ZReviewPolicyInput } from "./review-policy";

// Shapes of quiz content (answer keys included), of what the browser may see, and of what a
// trainer submits. The full-question schemas describe answer keys, so modules that load real
// questions with them stay on the server; this file itself holds no key data and stays pure so
// it runs in plain Node (tests, content:check).

// Ids end up in URLs, database rows and record keys. Restricting them to kebab-case also keeps
// "__proto__", "constructor"-style surprises with underscores or capitals out of record keys.
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_MAX = 64;

// Content limits are generous; they exist so a broken or hostile file cannot bloat the database.
const TEXT_MAX = 300;
const PROMPT_MAX = 1_000;
const EXPLANATION_MAX = 2_000;
const CHOICES_MAX = 20;
const QUESTIONS_MAX = 500;

// Response limits are tight: these values arrive from the network.
const RESPONSE_ID_MAX = 200;
const RESPONSE_ARRAY_MAX = 50;
const NUMERIC_ABS_MAX = 1e9;

const ZId = z
  .string()
  .min(1)
  .max(ID_MAX)
  .regex(ID_PATTERN, "must be kebab-case: lowercase letters, digits and single hyphens");

export const ZChoice = z.strictObject({
  id: ZId,
  text: z.string().trim().min(1).max(TEXT_MAX),
});
export type TChoice = z.infer<typeof ZChoice>;

const ZQuestionBase = {
  id: ZId,
  version: z.number().int().min(1),
  lesson: ZId,
  prompt: z.string().trim().min(1).max(PROMPT_MAX),
  explanation: z.string().trim().min(1).max(EXPLANATION_MAX),
  // The objectives of its lesson this question tests, numbered from 1 as listed in the lesson's
  // frontmatter; content:check requires them in a final and that every objective is tested.
  objectives: z
    .array(z.number().int().min(1).max(8))
    .min(1)
    .max(8)
    .optional()
    .describe("The lesson objectives this question tests, numbered from 1 as listed in the lesson's frontmatter. Required in a final; every objective must be tested."),
  // The id of the lesson heading to revisit when the question is missed (content:check resolves it).
  section: z
    .string()
    .max(120)
    .regex(ID_PATTERN, "must be a heading id: lowercase letters, digits and single hyphens")
    .optional()
    .describe("The id of the lesson heading a trainer who missed the question should revisit (a heading `## Ice and heat` has the id `ice-and-heat`)."),
};

type TIssueCtx = z.core.$RefinementCtx<unknown>;

// Reports every repeated id (and text) in a list; authors fix all of them in one pass.
function checkUnique(
  values: readonly string[],
  ctx: TIssueCtx,
  path: (string | number)[],
  what: string,
): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) {
      ctx.addIssue({ code: "custom", message: `duplicate ${what} "${value}"`, path: [...path, index] });
    }
    seen.add(value);
  });
}

/** Every id in a list answer (multiple choice, ordering) must name one of the question's options or items. */
function checkAnswerIds(answer: readonly string[], list: readonly TChoice[], ctx: TIssueCtx, what: string): void {
  const ids = new Set(list.map((c) => c.id));
  answer.forEach((id, index) => {
    if (!ids.has(id)) {
      ctx.addIssue({
        code: "custom",
        message: `answer "${id}" is not one of the ${what} ids`,
        path: ["answer", index],
      });
    }
  });
}

function checkChoiceList(list: readonly TChoice[], ctx: TIssueCtx, path: string, what: string): void {
  checkUnique(
    list.map((c) => c.id),
    ctx,
    [path],
    `${what} id`,
  );
  // Two identical texts would make a question unanswerable or give away which one is a distractor.
  checkUnique(
    list.map((c) => c.text.toLowerCase()),
    ctx,
    [path],
    `${what} text`,
  );
}

const ZSingleQuestion = z
  .strictObject({
    ...ZQuestionBase,
    type: z.literal("single"),
    options: z.array(ZChoice).min(2).max(CHOICES_MAX),
    answer: ZId,
  })
  .superRefine((q, ctx) => {
    checkChoiceList(q.options, ctx, "options", "option");
    if (!q.options.some((o) => o.id === q.answer)) {
      ctx.addIssue({
        code: "custom",
        message: `answer "${q.answer}" is not one of the option ids`,
        path: ["answer"],
      });
    }
  });

const ZMultipleQuestion = z
  .strictObject({
    ...ZQuestionBase,
    type: z.literal("multiple"),
    options: z.array(ZChoice).min(3).max(CHOICES_MAX),
    answer: z.array(ZId).min(1).max(CHOICES_MAX),
    scoring: z.enum(["all-or-nothing", "partial"]),
  })
  .superRefine((q, ctx) => {
    checkChoiceList(q.options, ctx, "options", "option");
    checkUnique(q.answer, ctx, ["answer"], "answer id");
    checkAnswerIds(q.answer, q.options, ctx, "option");
  });

const ZTrueFalseQuestion = z.strictObject({
  ...ZQuestionBase,
  type: z.literal("true-false"),
  answer: z.boolean(),
});

const ZOrderingQuestion = z
  .strictObject({
    ...ZQuestionBase,
    type: z.literal("ordering"),
    items: z.array(ZChoice).min(3).max(CHOICES_MAX),
    answer: z.array(ZId).min(3).max(CHOICES_MAX),
  })
  .superRefine((q, ctx) => {
    checkChoiceList(q.items, ctx, "items", "item");
    checkUnique(q.answer, ctx, ["answer"], "answer id");
    checkAnswerIds(q.answer, q.items, ctx, "item");
    const itemIds = new Set(q.items.map((i) => i.id));
    const answered = new Set(q.answer);
    for (const id of itemIds) {
      if (!answered.has(id)) {
        ctx.addIssue({
          code: "custom",
          message: `answer must list every item exactly once; "${id}" is missing`,
          path: ["answer"],
        });
      }
    }
  });

const ZMatchingQuestion = z
  .strictObject({
    ...ZQuestionBase,
    type: z.literal("matching"),
    prompts: z.array(ZChoice).min(2).max(CHOICES_MAX),
    choices: z.array(ZChoice).min(2).max(CHOICES_MAX),
    answer: z.record(ZId, ZId),
  })
  .superRefine((q, ctx) => {
    checkChoiceList(q.prompts, ctx, "prompts", "prompt");
    checkChoiceList(q.choices, ctx, "choices", "choice");
    if (q.choices.length < q.prompts.length) {
      ctx.addIssue({
        code: "custom",
        message: `needs at least as many choices (${q.choices.length}) as prompts (${q.prompts.length})`,
        path: ["choices"],
      });
    }
    const promptIds = new Set(q.prompts.map((p) => p.id));
    const choiceIds = new Set(q.choices.map((c) => c.id));
    const usedChoices = new Set<string>();
    for (const [promptId, choiceId] of Object.entries(q.answer)) {
      if (!promptIds.has(promptId)) {
        ctx.addIssue({
          code: "custom",
          message: `answer key "${promptId}" is not one of the prompt ids`,
          path: ["answer", promptId],
        });
      }
      if (!choiceIds.has(choiceId)) {
        ctx.addIssue({
          code: "custom",
          message: `answer "${choiceId}" is not one of the choice ids`,
          path: ["answer", promptId],
        });
      }
      // One choice per prompt keeps "pick the same choice everywhere" from collecting credit.
      if (usedChoices.has(choiceId)) {
        ctx.addIssue({
          code: "custom",
          message: `choice "${choiceId}" is the answer to more than one prompt`,
          path: ["answer", promptId],
        });
      }
      usedChoices.add(choiceId);
    }
    for (const promptId of promptIds) {
      if (!Object.hasOwn(q.answer, promptId)) {
        ctx.addIssue({
          code: "custom",
          message: `prompt "${promptId}" has no answer`,
          path: ["answer"],
        });
      }
    }
  });

const ZNumericQuestion = z.strictObject({
  ...ZQuestionBase,
  type: z.literal("numeric"),
  answer: z.number().min(-NUMERIC_ABS_MAX).max(NUMERIC_ABS_MAX),
  tolerance: z.number().min(0).max(NUMERIC_ABS_MAX).default(0),
  unit: z.string().trim().min(1).max(40).optional(),
});

export const ZQuestion = z.discriminatedUnion("type", [
  ZSingleQuestion,
  ZMultipleQuestion,
  ZTrueFalseQuestion,
  ZOrderingQuestion,
  ZMatchingQuestion,
  ZNumericQuestion,
]);
export type TQuestion = z.infer<typeof ZQuestion>;
export type TQuestionType = TQuestion["type"];
export const QUESTION_TYPES = [
  "single",
  "multiple",
  "true-false",
  "ordering",
  "matching",
  "numeric",
] as const satisfies readonly TQuestionType[];

// A quiz file: content/courses/<course>/quizzes/<quiz-slug>.json. The output type fills every
// default so consumers never re-derive them (draw defaults to the whole pool).
export const ZQuizFile = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    kind: z.enum(["final", "lesson-check"]),
    lesson: ZId.optional(),
    passMark: z.number().int().min(1).max(100).default(80),
    draw: z.number().int().min(1).optional(),
    timeLimitMinutes: z.number().int().min(1).max(24 * 60).nullable().default(null),
    maxAttempts: z.number().int().min(1).max(1_000).nullable().default(null),
    cooldownMinutes: z.number().int().min(0).max(30 * 24 * 60).default(0),
    estimatedMinutes: z.number().int().min(1).max(24 * 60).optional(),
    // What a review shows after a fail, after a pass and with no attempts left (lib/quiz/review-policy).
    review: ZReviewPolicyInput.optional().describe(
      "What a review shows `afterFail`, `afterPass` and `whenClosed` (no attempts left): lists of `correctness`, `response`, `right-answer`, `explanation`, `revisit`. A final's default hides answers until a pass; a lesson check shows everything.",
    ),
    questions: z.array(ZQuestion).min(1).max(QUESTIONS_MAX),
  })
  .superRefine((quiz, ctx) => {
    checkUnique(
      quiz.questions.map((q) => q.id),
      ctx,
      ["questions"],
      "question id",
    );
    if (quiz.draw !== undefined && quiz.draw > quiz.questions.length) {
      ctx.addIssue({
        code: "custom",
        message: `draw (${quiz.draw}) is larger than the pool (${quiz.questions.length} questions)`,
        path: ["draw"],
      });
    }
    if (quiz.kind === "lesson-check") {
      if (quiz.lesson === undefined) {
        ctx.addIssue({
          code: "custom",
          message: 'a "lesson-check" quiz must name its lesson slug in "lesson"',
          path: ["lesson"],
        });
      } else {
        // A lesson check that strays into other lessons would test material not yet taught.
        quiz.questions.forEach((q, index) => {
          if (q.lesson !== quiz.lesson) {
            ctx.addIssue({
              code: "custom",
              message: `question "${q.id}" tests lesson "${q.lesson}" but this check belongs to "${quiz.lesson}"`,
              path: ["questions", index, "lesson"],
            });
          }
        });
      }
    } else if (quiz.lesson !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: 'only a "lesson-check" quiz names a lesson; a final covers the course',
        path: ["lesson"],
      });
    }
  })
  .transform((quiz) => ({ ...quiz, draw: quiz.draw ?? quiz.questions.length, review: resolveReviewPolicy(quiz.kind, quiz.review) }));
export type TQuizFile = z.output<typeof ZQuizFile>;

// ---------------------------------------------------------------------------------------------
// Client-safe question shapes: no answer, explanation, scoring or tolerance. Strict objects, so
// parsing a full question with these fails loudly instead of quietly passing a key through.

const ZClientBase = {
  id: ZId,
  version: z.number().int().min(1),
  prompt: z.string().min(1).max(PROMPT_MAX),
};

export const ZClientQuestion = z.discriminatedUnion("type", [
  z.strictObject({
    ...ZClientBase,
    type: z.literal("single"),
    options: z.array(ZChoice).min(2).max(CHOICES_MAX),
  }),
  z.strictObject({
    ...ZClientBase,
    type: z.literal("multiple"),
    options: z.array(ZChoice).min(3).max(CHOICES_MAX),
  }),
  z.strictObject({ ...ZClientBase, type: z.literal("true-false") }),
  z.strictObject({
    ...ZClientBase,
    type: z.literal("ordering"),
    items: z.array(ZChoice).min(3).max(CHOICES_MAX),
  }),
  z.strictObject({
    ...ZClientBase,
    type: z.literal("matching"),
    prompts: z.array(ZChoice).min(2).max(CHOICES_MAX),
    choices: z.array(ZChoice).min(2).max(CHOICES_MAX),
  }),
  z.strictObject({
    ...ZClientBase,
    type: z.literal("numeric"),
    unit: z.string().min(1).max(40).optional(),
  }),
]);
export type TClientQuestion = z.infer<typeof ZClientQuestion>;

// ---------------------------------------------------------------------------------------------
// What a trainer submits for one question. Strict: a "correct" or "score" field sent alongside
// is rejected rather than stored, and grading never reads such fields anyway.

const ZResponseId = z
  .string()
  .min(1)
  .max(RESPONSE_ID_MAX)
  .regex(ID_PATTERN, "must be an id");

export const ZResponse = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("single"), optionId: ZResponseId }),
  z.strictObject({
    type: z.literal("multiple"),
    optionIds: z.array(ZResponseId).max(RESPONSE_ARRAY_MAX),
  }),
  z.strictObject({ type: z.literal("true-false"), value: z.boolean() }),
  z.strictObject({
    type: z.literal("ordering"),
    itemIds: z.array(ZResponseId).max(RESPONSE_ARRAY_MAX),
  }),
  z.strictObject({
    type: z.literal("matching"),
    pairs: z
      .record(ZResponseId, ZResponseId)
      .refine((pairs) => Object.keys(pairs).length <= RESPONSE_ARRAY_MAX, {
        message: `at most ${RESPONSE_ARRAY_MAX} pairs`,
      }),
  }),
  z.strictObject({
    type: z.literal("numeric"),
    value: z.number().min(-NUMERIC_ABS_MAX).max(NUMERIC_ABS_MAX),
  }),
]);
export type TResponse = z.infer<typeof ZResponse>;

// ---------------------------------------------------------------------------------------------
// One drawn question as stored in QuizAttempt.draw: fixed at attempt start so a reload shows the
// same questions, versions and option order.

const ZDrawnQuestion = z.strictObject({
  questionId: ZId,
  version: z.number().int().min(1),
  optionOrder: z.array(ZId).max(CHOICES_MAX),
});
export type TDrawnQuestion = z.infer<typeof ZDrawnQuestion>;

export const ZAttemptDraw = z.array(ZDrawnQuestion).max(QUESTIONS_MAX);
export type TAttemptDraw = z.infer<typeof ZAttemptDraw>;
