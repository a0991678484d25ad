import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { RegradePanel } from "@/components/admin/regrade-panel-client";
import { Table } from "@/components/ui";
import { getSessionUser } from "@/lib/auth/session.server";
import { getItemReport, listQuizzes } from "@/lib/quiz/item-report.server";
import { listRegradeCandidates } from "@/lib/quiz/regrade.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Quizzes · Admin" };

// Proportion correct in three bands: each has a colour, a legend entry and a word in the cell.
const DIFFICULTY_BANDS = [
  { key: "hard", short: "hard", fill: "fill-red-600 dark:fill-red-400", legend: "Under 30 % correct: very hard" },
  { key: "ok", short: "", fill: "fill-brand-600 dark:fill-brand-100", legend: "30–90 % correct" },
  { key: "easy", short: "easy", fill: "fill-amber-500 dark:fill-amber-300", legend: "Over 90 % correct: very easy" },
] as const;

function bandOf(difficulty: number) {
  return DIFFICULTY_BANDS[difficulty < 0.3 ? 0 : difficulty > 0.9 ? 2 : 1];
}

function pct(x: number) {
  return `${Math.round(x * 100)}%`;
}

export default async function AdminQuizzesPage({ searchParams }: { searchParams: Promise<{ quiz?: string; regraded?: string; answers?: string; changed?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/admin/quizzes");
  if (user.role !== "ADMIN") notFound();
  const { quiz: selected, regraded, answers, changed } = await searchParams;
  const done =
    typeof regraded === "string" && /^[a-z0-9-]{1,64}$/.test(regraded) && /^\d{1,6}$/.test(answers ?? "") && /^\d{1,6}$/.test(changed ?? "")
      ? { questionId: regraded, answers: Number(answers), changed: Number(changed) }
      : null;
  const [quizzes, candidates] = await Promise.all([listQuizzes(user.id), listRegradeCandidates(user.id)]);
  const quizId = typeof selected === "string" && /^[a-z0-9]{10,40}$/.test(selected) ? selected : quizzes.find((q) => q.kind === "FINAL")?.id;
  const report = quizId ? await getItemReport(quizId, user.id) : null;
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold tracking-tight">Quizzes</h1>
      {done && (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          Regraded {done.answers} answers to {done.questionId}; {done.changed} attempt outcome(s) changed. The details are in the audit log.
        </p>
      )}
      <section aria-labelledby="regrade-title">
        <h2 id="regrade-title" className="text-xl font-semibold">
          Regrade after a corrected key
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          When a question gets a new version in content, answers graded on the old version are listed here. Preview the changes, then apply.
        </p>
        {candidates.length === 0 ? (
          <p className="mt-4 rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">Nothing to regrade: every graded answer uses the current version of its question.</p>
        ) : (
          <ul className="mt-4 space-y-3">
            {candidates.map((c) => (
              <li key={c.questionId}>
                <RegradePanel questionId={c.questionId} label={`${c.course} · ${c.quiz} · ${c.questionId} (v${c.currentVersion}, ${c.staleAnswers} answers on older versions)`} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="items-title">
        <h2 id="items-title" className="text-xl font-semibold">
          Item analysis
        </h2>
        <nav aria-label="Quizzes" className="mt-3 flex flex-wrap gap-2 text-sm">
          {quizzes.map((q) => (
            <Link
              key={q.id}
              href={`/admin/quizzes?quiz=${q.id}`}
              aria-current={q.id === quizId ? "page" : undefined}
              className={`rounded-full border px-3 py-1 ${q.id === quizId ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"}`}
            >
              {q.course.title.split(":")[0]} · {q.title} ({q._count.attempts} attempts)
            </Link>
          ))}
        </nav>
        {!report ? (
          <p className="mt-4 text-slate-600 dark:text-slate-400">No quizzes yet.</p>
        ) : report.items.length === 0 ? (
          <p className="mt-4 rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">No graded attempts for {report.title} yet.</p>
        ) : (
          <>
          <h3 id="objectives-title" className="mt-6 font-semibold">
            By objective
          </h3>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Every graded answer counts toward the lesson objectives its question tests. A low proportion here points at a lesson that does not teach the objective well, not just at a weak item.
          </p>
          <Table id="objective-analysis" layout="scroll" minWidthClass="min-w-[44rem]" className="mt-3" caption={`Results by lesson objective for ${report.title}`} captionHidden>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="py-2 pr-3">
                  Objective
                </th>
                <th scope="col" className="pr-3">
                  Questions
                </th>
                <th scope="col" className="pr-3">
                  Answers
                </th>
                <th scope="col">Proportion correct</th>
              </tr>
            </thead>
            <tbody>
              {report.objectives.map((o) => (
                <tr key={`${o.lesson}-${o.number}`} className="border-b border-slate-100 align-top dark:border-slate-900">
                  <td className="py-2 pr-3">
                    <span className="block">{o.text}</span>
                    <span className="text-xs text-slate-600 dark:text-slate-400">
                      {o.lessonTitle} · objective {o.number}
                    </span>
                  </td>
                  <td className="pr-3">{o.questionIds.length === 0 ? <span className="text-red-700 dark:text-red-300">none: untested</span> : o.questionIds.length}</td>
                  <td className="pr-3">{o.answers}</td>
                  <td>
                    {o.proportionCorrect === null ? (
                      "—"
                    ) : (
                      <>
                        {pct(o.proportionCorrect)}
                        {o.proportionCorrect < 0.5 && <span className="ml-1 text-xs text-red-700 dark:text-red-300">weak objective</span>}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <h3 className="mt-8 font-semibold">By question</h3>
          <ul aria-label="Legend" className="mt-4 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
            {DIFFICULTY_BANDS.map((band) => (
              <li key={band.key} className="flex items-center gap-2">
                <svg viewBox="0 0 12 12" className="h-3 w-3" aria-hidden="true">
                  <rect width="12" height="12" rx="2" className={band.fill} />
                </svg>
                {band.legend}
              </li>
            ))}
            <li>Discrimination under 0.10 is flagged “review”.</li>
          </ul>
          <Table
            id="item-analysis"
            layout="scroll"
            minWidthClass="min-w-[44rem]"
            className="mt-3"
            caption={`Item analysis for ${report.title}: proportion correct, discrimination and most chosen answers per question`}
            captionHidden
          >
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-800">
                  <th scope="col" className="py-2 pr-3">
                    Question
                  </th>
                  <th scope="col" className="pr-3">
                    Attempts
                  </th>
                  <th scope="col" className="pr-3">
                    Proportion correct
                  </th>
                  <th scope="col" className="pr-3">
                    Discrimination (r<sub>pb</sub> / upper–lower)
                  </th>
                  <th scope="col">Answers chosen</th>
                </tr>
              </thead>
              <tbody>
                {report.items.map((item) => (
                  <tr key={item.questionId} className="border-b border-slate-100 align-top dark:border-slate-900">
                    <td className="py-2 pr-3">
                      <span className="block font-medium">{item.prompt}</span>
                      <span className="text-xs text-slate-600 dark:text-slate-400">{item.questionId}</span>
                    </td>
                    <td className="pr-3">{item.attempts}</td>
                    <td className="pr-3">
                      <div className="flex items-center gap-2">
                        <svg viewBox="0 0 100 8" className="h-2 w-24" aria-hidden="true">
                          <rect width="100" height="8" className="fill-slate-200 dark:fill-slate-800" />
                          <rect width={Math.round(item.difficulty * 100)} height="8" className={bandOf(item.difficulty).fill} />
                        </svg>
                        {pct(item.difficulty)}
                        {bandOf(item.difficulty).key !== "ok" && <span className="text-xs text-slate-700 dark:text-slate-300">({bandOf(item.difficulty).short})</span>}
                      </div>
                    </td>
                    <td className="pr-3">
                      {item.discrimination === null ? "—" : item.discrimination.toFixed(2)} / {item.upperLowerIndex === null ? "—" : item.upperLowerIndex.toFixed(2)}
                      {item.discrimination !== null && item.discrimination < 0.1 && <span className="ml-1 text-xs font-medium text-red-700 dark:text-red-300">review</span>}
                    </td>
                    <td>
                      <ul className="space-y-0.5">
                        {item.distribution.slice(0, 4).map((d) => (
                          <li key={d.choice}>
                            {d.label} — {d.count}
                          </li>
                        ))}
                        {item.blank > 0 && <li>No answer — {item.blank}</li>}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
          </Table>
          </>
        )}
      </section>
    </div>
  );
}
