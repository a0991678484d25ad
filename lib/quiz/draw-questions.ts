import type { TChoice, TClientQuestion, TDrawnQuestion, TQuestion } from "@/lib/quiz/quiz-schema";

export type TRng = () => number;

// cyrb128: spreads a string seed over four 32-bit words, which sfc32 needs as its state.
function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * Deterministic PRNG (sfc32 seeded by cyrb128) returning floats in [0, 1). Not for secrets:
 * its only job is that the same seed (e.g. the attempt id) always reproduces the same draw.
 */
export function createRng(seed: string): TRng {
  let [a, b, c, d] = hashSeed(seed);
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of sfc32 still correlate with the raw hash; discard a few.
  for (let i = 0; i < 12; i++) next();
  return next;
}

function randomInt(rng: TRng, exclusiveMax: number): number {
  return Math.floor(rng() * exclusiveMax);
}

// Fisher–Yates on a copy.
function shuffle<T>(items: readonly T[], rng: TRng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function shuffleOptionOrder(question: TQuestion, rng: TRng): string[] {
  switch (question.type) {
    case "single":
    case "multiple":
      return shuffle(
        question.options.map((o) => o.id),
        rng,
      );
    case "ordering": {
      const order = shuffle(
        question.items.map((i) => i.id),
        rng,
      );
      // Showing the items already in the right order would hand out the answer. Rotating by one
      // changes every position of a list of distinct ids, so the result is never the answer.
      if (order.length >= 2 && sameOrder(order, question.answer)) {
        order.push(order.shift() as string);
      }
      return order;
    }
    case "matching":
      return shuffle(
        question.choices.map((c) => c.id),
        rng,
      );
    case "true-false":
    case "numeric":
      return [];
  }
}

export type TDrawQuestionsInput = {
  questions: readonly TQuestion[];
  /** How many to draw; clamped to the pool. Pass quiz.draw (already defaulted to the pool). */
  draw: number;
  /** Usually the attempt id: the same seed reproduces the same draw. */
  seed: string;
  /** Question ids shown in this trainer's earlier attempts, drawn only when the pool runs short. */
  previouslySeen?: readonly string[];
};

/**
 * Draws `draw` questions for one attempt, with each question's shuffled option order.
 *
 * Priorities, in order: every lesson gets a question before any lesson gets a second (when draw
 * >= number of lessons); then questions this trainer has not seen; then an even spread over
 * lessons; within a lesson, objectives not yet covered by this attempt. Ties are broken at
 * random. The input is sorted by id first, so the result depends only on the pool's contents and
 * the seed, not on the order a database returned the rows in.
 */
export function drawQuestions({
  questions,
  draw,
  seed,
  previouslySeen = [],
}: TDrawQuestionsInput): TDrawnQuestion[] {
  const rng = createRng(seed);
  const seen = new Set(previouslySeen);
  const pool = [...questions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const count = Math.max(0, Math.min(Math.floor(draw), pool.length));

  // One queue per lesson: unseen questions first, each group in random order.
  const byLesson = new Map<string, TQuestion[]>();
  for (const question of pool) {
    const list = byLesson.get(question.lesson) ?? [];
    list.push(question);
    byLesson.set(question.lesson, list);
  }
  const lessons = shuffle([...byLesson.keys()].sort(), rng).map((lesson) => {
    const list = byLesson.get(lesson) as TQuestion[];
    const unseen = shuffle(
      list.filter((q) => !seen.has(q.id)),
      rng,
    );
    const seenBefore = shuffle(
      list.filter((q) => seen.has(q.id)),
      rng,
    );
    return { queue: [...unseen, ...seenBefore], picked: 0, objectives: new Set<number>() };
  });

  // Within a lesson, the next pick is the first queued question (unseen ones first) that tests an
  // objective this attempt has not covered yet, so two questions from one lesson test two of its
  // objectives where the pool allows.
  const takeFrom = (lesson: (typeof lessons)[number]): TQuestion => {
    const head = lesson.queue[0] as TQuestion;
    const headSeen = seen.has(head.id);
    const index = lesson.queue.findIndex((q) => seen.has(q.id) === headSeen && (q.objectives ?? []).some((n) => !lesson.objectives.has(n)));
    const [question] = lesson.queue.splice(Math.max(index, 0), 1);
    for (const n of question.objectives ?? []) lesson.objectives.add(n);
    return question;
  };

  const chosen: TQuestion[] = [];
  while (chosen.length < count) {
    // `lessons` is already in random order, so keeping the first best candidate breaks ties
    // randomly yet reproducibly.
    let best: (typeof lessons)[number] | undefined;
    let bestRank: [number, number, number] | undefined;
    for (const lesson of lessons) {
      const head = lesson.queue[0];
      if (head === undefined) continue;
      const rank: [number, number, number] = [
        lesson.picked === 0 ? 0 : 1,
        seen.has(head.id) ? 1 : 0,
        lesson.picked,
      ];
      if (
        bestRank === undefined ||
        rank[0] < bestRank[0] ||
        (rank[0] === bestRank[0] &&
          (rank[1] < bestRank[1] || (rank[1] === bestRank[1] && rank[2] < bestRank[2])))
      ) {
        best = lesson;
        bestRank = rank;
      }
    }
    if (best === undefined) break;
    chosen.push(takeFrom(best));
    best.picked += 1;
  }

  // The pick order follows lessons round-robin; shuffle so position gives nothing away.
  return shuffle(chosen, rng).map((question) => ({
    questionId: question.id,
    version: question.version,
    optionOrder: shuffleOptionOrder(question, rng),
  }));
}

function orderById(list: readonly TChoice[], order: readonly string[], what: string): TChoice[] {
  const byId = new Map(list.map((entry) => [entry.id, entry]));
  if (order.length !== list.length || new Set(order).size !== order.length) {
    throw new Error(`option order does not list every ${what} exactly once`);
  }
  return order.map((id) => {
    const entry = byId.get(id);
    if (entry === undefined) throw new Error(`option order names unknown ${what} "${id}"`);
    return { id: entry.id, text: entry.text };
  });
}

/**
 * The question as a trainer sees it: the attempt's option order, no answer, explanation,
 * scoring rule or tolerance. Throws when `optionOrder` does not fit the question (a stored draw
 * paired with the wrong version): falling back to authored order could reveal an ordering answer.
 */
export function toClientQuestion(question: TQuestion, optionOrder: readonly string[]): TClientQuestion {
  const base = { id: question.id, version: question.version, prompt: question.prompt };
  switch (question.type) {
    case "single":
      return { ...base, type: "single", options: orderById(question.options, optionOrder, "option") };
    case "multiple":
      return { ...base, type: "multiple", options: orderById(question.options, optionOrder, "option") };
    case "true-false":
      return { ...base, type: "true-false" };
    case "ordering":
      return { ...base, type: "ordering", items: orderById(question.items, optionOrder, "item") };
    case "matching":
      return {
        ...base,
        type: "matching",
        prompts: question.prompts.map((p) => ({ id: p.id, text: p.text })),
        choices: orderById(question.choices, optionOrder, "choice"),
      };
    case "numeric":
      return question.unit === undefined
        ? { ...base, type: "numeric" }
        : { ...base, type: "numeric", unit: question.unit };
  }
}
