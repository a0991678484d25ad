import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { drawQuestions } from "@/lib/quiz/draw-questions";
import { type TQuestion, ZQuestion } from "@/lib/quiz/quiz-schema";
import type { TBenchContext } from "../context";
import { record } from "../figures";
import { describeLoad, load, measureCpu, openLoad, type TCpuSplit } from "../lib";

// Quiz submission (grade + record) three ways, in one run so the ratios compare like with like:
//   floor       the same route refusing the request before any work (no session: 401), 50 clients;
//   open loop   submissions arriving at a fixed 50 per second, whatever the server does: the
//               latency a trainer sees at that traffic (target p99 < 150 ms, no errors);
//   saturation  50 clients in a closed loop: the most the server answers, as a share of the floor.

const TRAINERS = 50;
const OPEN_RATE = 50;
const OPEN_SECONDS = 20;
const SATURATION = 2500;
const WARM = 20;

export type TSubmission = { id: string; cookie: string; body: string };

/** Distinct in-progress attempts of the final, spread over `TRAINERS` trainers, each answered correctly. */
export async function prepareSubmissions(ctx: TBenchContext, count: number): Promise<TSubmission[]> {
  const { db } = ctx;
  const quiz = await db.quiz.findFirstOrThrow({ where: { course: { slug: "back-care" }, kind: "FINAL" }, select: { id: true, drawCount: true } });
  const versions = await db.questionVersion.findMany({ where: { question: { quizId: quiz.id } }, select: { definition: true } });
  const pool = versions.map((v) => ZQuestion.parse(v.definition));
  const users = [];
  for (let i = 0; i < TRAINERS; i++) users.push(await ctx.makeTrainer("submit"));
  const cookies = await Promise.all(users.map((u) => ctx.sessionCookie(u)));
  const rows: Prisma.QuizAttemptCreateManyInput[] = [];
  const out: TSubmission[] = [];
  for (let i = 0; i < count; i++) {
    const u = i % users.length;
    const id = randomUUID();
    const draw = drawQuestions({ questions: pool, draw: quiz.drawCount, seed: id });
    rows.push({ id, userId: users[u].id, quizId: quiz.id, number: Math.floor(i / users.length) + 1, draw: draw as unknown as Prisma.InputJsonValue });
    const answers = correctAnswersFor(pool, draw);
    out.push({ id, cookie: cookies[u], body: JSON.stringify({ idempotencyKey: `bench-${id}`, answers, attest: true }) });
  }
  for (let i = 0; i < rows.length; i += 500) await db.quizAttempt.createMany({ data: rows.slice(i, i + 500) });
  return out;
}

/** The right answer to every drawn question, as the submit route takes it (the bench and the topology check submit passing attempts). */
export function correctAnswersFor(pool: TQuestion[], draw: { questionId: string }[]) {
  const answers: Record<string, unknown> = {};
  for (const d of draw) {
    const q = pool.find((x) => x.id === d.questionId)!;
    if (q.type === "single") answers[q.id] = { type: "single", optionId: q.answer };
    else if (q.type === "true-false") answers[q.id] = { type: "true-false", value: q.answer };
    else if (q.type === "numeric") answers[q.id] = { type: "numeric", value: q.answer };
    else if (q.type === "multiple") answers[q.id] = { type: "multiple", optionIds: q.answer };
    else if (q.type === "ordering") answers[q.id] = { type: "ordering", itemIds: q.answer };
    else if (q.type === "matching") answers[q.id] = { type: "matching", pairs: q.answer };
  }
  return answers;
}

export function submitRequest(s: TSubmission) {
  return { method: "POST" as const, path: `/api/quiz/attempts/${s.id}/submit`, headers: { "content-type": "application/json", cookie: s.cookie }, body: s.body };
}

export async function benchSubmit(ctx: TBenchContext) {
  const base = await ctx.server();
  const refused = { url: `${base}/api/quiz/attempts/00000000-0000-4000-8000-000000000000/submit`, method: "POST" as const, headers: { "content-type": "application/json" }, body: "{}", expect: [401] };
  await load({ ...refused, duration: 3 }); // warm the route, as the pages are
  const pid = ctx.serverPid()!;
  const { result: floor, cpu: floorCpu } = await measureCpu(pid, ctx.postgresPids, () => load(refused));
  console.log(`  floor ${describeLoad(floor)}`);
  record("routeFloorRps", { figure: "Route handler floor: submit refused before any work (401), 50 clients", value: floor.rps, unit: " req/s", loads: [floor] });
  record("routeFloorP99Ms", { figure: "Route handler floor p99", value: floor.p99, unit: " ms", loads: [floor] });

  const submissions = await prepareSubmissions(ctx, WARM + OPEN_RATE * OPEN_SECONDS + SATURATION);
  // A few submissions outside the measurement warm the route's code paths and the pool.
  for (const s of submissions.splice(0, WARM)) {
    const r = submitRequest(s);
    const res = await fetch(`${base}${r.path}`, { method: "POST", headers: r.headers, body: r.body });
    if (res.status !== 200) throw new Error(`a warm-up submission answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  }

  const openSet = submissions.splice(0, OPEN_RATE * OPEN_SECONDS);
  const open = await openLoad({ base, rate: OPEN_RATE, seconds: OPEN_SECONDS, next: (i) => submitRequest(openSet[i]) });
  console.log(`  open loop ${describeLoad(open)}`);
  record("quizSubmitOpenP50Ms", { figure: `Quiz submission at ${OPEN_RATE}/s arrivals (open loop), p50`, value: open.p50, unit: " ms", loads: [open] });
  record("quizSubmitOpenP99Ms", { figure: `Quiz submission at ${OPEN_RATE}/s arrivals (open loop), p99`, value: open.p99, unit: " ms", target: { op: "<", limit: 150 }, loads: [open] });
  record("quizSubmitOpenErrors", { figure: `Quiz submission at ${OPEN_RATE}/s arrivals, failed requests`, value: open.failures, target: { op: "<=", limit: 0 } });

  let next = 0;
  const { result: saturation, cpu: saturationCpu } = await measureCpu(pid, ctx.postgresPids, () => load({
    url: base,
    connections: 50,
    amount: submissions.length,
    requests: [{ setupRequest: (req) => ({ ...req, ...submitRequest(submissions[next++ % submissions.length]) }) }],
  }));
  console.log(`  saturation ${describeLoad(saturation)}`);
  record("quizSubmitSaturationRps", { figure: "Quiz submission saturation throughput, 50 clients", value: saturation.rps, unit: " req/s", loads: [saturation] });
  record("quizSubmitSaturationP99Ms", { figure: "Quiz submission saturation p99 (context, no target)", value: saturation.p99, unit: " ms", loads: [saturation] });
  // CPU per request, split by process: what the ratio is made of (docs/performance.md).
  const perRequest = (cpu: TCpuSplit, requests: number) =>
    `server ${(cpu.serverMs / requests).toFixed(2)} ms, PostgreSQL ${(cpu.postgresMs / requests).toFixed(2)} ms, load generator ${(cpu.loadGeneratorMs / requests).toFixed(2)} ms`;
  record("routeFloorCpuPerRequestMs", { figure: "Route floor: CPU per request, all processes", value: (floorCpu.serverMs + floorCpu.postgresMs + floorCpu.loadGeneratorMs) / floor.requests, unit: " ms", detail: perRequest(floorCpu, floor.requests) });
  record("quizSubmitCpuPerRequestMs", { figure: "Quiz submission: CPU per request, all processes", value: (saturationCpu.serverMs + saturationCpu.postgresMs + saturationCpu.loadGeneratorMs) / saturation.requests, unit: " ms", detail: perRequest(saturationCpu, saturation.requests) });
  record("quizSubmitServerCpuMs", { figure: "  of which the app server", value: saturationCpu.serverMs / saturation.requests, unit: " ms" });
  record("quizSubmitPostgresCpuMs", { figure: "  of which PostgreSQL", value: saturationCpu.postgresMs / saturation.requests, unit: " ms" });
  const total = (cpu: TCpuSplit) => cpu.serverMs + cpu.postgresMs + cpu.loadGeneratorMs;
  // The same ratio from CPU per request rather than throughput: on two cores shared with other
  // work, a busy spell during one of the two loads moves the throughput ratio, much less this.
  record("quizSubmitCpuCostRatio", {
    figure: "Route floor CPU / submission CPU per request (context for the ratio)",
    value: total(floorCpu) / floor.requests / (total(saturationCpu) / saturation.requests),
    unit: "×",
  });
  console.log(`  CPU per request: floor ${perRequest(floorCpu, floor.requests)}; submission ${perRequest(saturationCpu, saturation.requests)}`);
  record("quizSubmitToFloorRatio", {
    figure: "Quiz submission saturation / route floor",
    value: saturation.rps / floor.rps,
    unit: "×",
    target: { op: ">=", limit: 0.3 },
    loads: [floor, saturation],
    detail: `${saturation.rps} / ${floor.rps} req/s`,
  });
}
