import { linkClass, Table } from "@/components/ui";
import type { TCourseCreditView, TCourseView } from "@/lib/content/course-view";
import { DECLARED_TOLERANCE } from "@/lib/content/estimate-learning-time";
import { formatLongDate } from "@/lib/format/calendar-date";

// What a certifying body's reviewer (and a careful trainer) looks for on a course page: who
// provides and wrote it, which body approved it for how much and until when, what it rests on,
// its limits, and how its contact hours were counted (docs/decisions/007).

const STATUS: Record<TCourseCreditView["status"], string> = { approved: "Approved", pending: "Approval pending", "not-submitted": "Not submitted" };

function ApprovalRow({ c }: { c: TCourseCreditView }) {
  return (
    <tr className="border-t border-slate-200 align-top dark:border-slate-800">
      <th scope="row" className="py-2 pr-3 text-left font-medium">
        {c.body === "OTHER" ? "Other bodies" : c.body}
        <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{c.bodyName}</span>
      </th>
      <td className="py-2 pr-3">{STATUS[c.status]}</td>
      <td className="py-2 pr-3">{c.hundredths === null ? "None claimed" : c.label}</td>
      <td className="py-2 pr-3">
        {c.courseNumber ? (
          <>
            Approval no. {c.courseNumber}
            {c.validFrom && c.validUntil && (
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                Valid {formatLongDate(c.validFrom)} to {formatLongDate(c.validUntil)}
              </span>
            )}
          </>
        ) : (
          "—"
        )}
        {c.providerNumber && <span className="block text-xs text-slate-600 dark:text-slate-400">Provider no. {c.providerNumber}</span>}
        {c.note && <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400">{c.note}</span>}
      </td>
    </tr>
  );
}

export function CourseAccreditation({ course }: { course: TCourseView }) {
  const a = course.accreditation;
  const m = course.timeMethod;
  const dd = "mt-0.5 text-slate-800 dark:text-slate-200";
  const dt = "text-sm font-semibold text-slate-600 dark:text-slate-400";
  return (
    <>
      <section aria-labelledby="accreditation" className="mt-10">
        <h2 id="accreditation" className="text-2xl font-semibold">
          Accreditation and authorship
        </h2>
        <p className="mt-3 text-slate-700 dark:text-slate-300">
          Provided by {a.provider.name}. Credit is claimed only for a body that has approved this course, and only for completions while its approval is
          valid. For any other body the certificate states the contact hours and claims no figure: you may submit it to your body for review.
        </p>
        <Table id="approvals" layout="scroll" className="mt-4" caption="Approval of this course by each certifying body" captionHidden>
            <thead>
              <tr className="text-left text-slate-600 dark:text-slate-400">
                <th scope="col" className="py-2 pr-3 font-semibold">
                  Certifying body
                </th>
                <th scope="col" className="py-2 pr-3 font-semibold">
                  Status
                </th>
                <th scope="col" className="py-2 pr-3 font-semibold">
                  Credit
                </th>
                <th scope="col" className="py-2 pr-3 font-semibold">
                  Numbers
                </th>
              </tr>
            </thead>
            <tbody>
              {course.credits.map((c) => (
                <ApprovalRow key={c.body} c={c} />
              ))}
            </tbody>
        </Table>
        <dl className="mt-6 grid gap-4 sm:grid-cols-2">
          <div>
            <dt className={dt}>Written by</dt>
            {a.authors.map((p) => (
              <dd key={p.name} className={dd}>
                {p.name} <span className="text-sm text-slate-600 dark:text-slate-400">({p.credentials})</span>
              </dd>
            ))}
          </div>
          <div>
            <dt className={dt}>Reviewed by</dt>
            {a.reviewers.length === 0 ? (
              <dd className={dd}>No reviewer yet</dd>
            ) : (
              a.reviewers.map((p) => (
                <dd key={p.name} className={dd}>
                  {p.name} <span className="text-sm text-slate-600 dark:text-slate-400">({p.credentials})</span>
                </dd>
              ))
            )}
          </div>
          <div>
            <dt className={dt}>Published</dt>
            <dd className={dd}>{formatLongDate(a.published)}</dd>
          </div>
          <div>
            <dt className={dt}>Last reviewed</dt>
            <dd className={dd}>{formatLongDate(a.lastReviewed)}</dd>
          </div>
          <div>
            <dt className={dt}>Audience</dt>
            <dd className={dd}>{a.audience}</dd>
          </div>
          <div>
            <dt className={dt}>Level</dt>
            <dd className={`${dd} capitalize`}>{a.level}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className={dt}>Prerequisites</dt>
            {a.prerequisites.length === 0 ? <dd className={dd}>None</dd> : a.prerequisites.map((p) => <dd key={p} className={dd}>{p}</dd>)}
          </div>
        </dl>
        <h3 className="mt-6 text-lg font-semibold">References</h3>
        {a.references.length === 0 ? (
          <p className="mt-2 text-slate-700 dark:text-slate-300">None listed.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-2 pl-6 text-slate-700 dark:text-slate-300">
            {a.references.map((r) => (
              <li key={r.title}>
                {r.url ? (
                  <a href={r.url} className={linkClass} rel="noopener noreferrer">
                    {r.title}
                  </a>
                ) : (
                  <cite className="not-italic font-medium">{r.title}</cite>
                )}
                {[r.author, r.publisher, r.year].filter(Boolean).length > 0 && <>. {[r.author, r.publisher, r.year].filter(Boolean).join(", ")}</>}
                {r.note && <span className="block text-sm text-slate-600 dark:text-slate-400">{r.note}</span>}
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-6 text-lg font-semibold">Disclaimer</h3>
        <p className="mt-2 rounded-lg border border-slate-300 bg-slate-50 p-4 text-sm text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200">
          {a.disclaimer}
        </p>
      </section>
      <section aria-labelledby="how-we-count-hours" className="mt-10">
        <h2 id="how-we-count-hours" className="text-2xl font-semibold">
          How we count hours
        </h2>
        <p className="mt-3 text-slate-700 dark:text-slate-300">
          Each lesson's minutes are checked against an estimate of the time it takes: its words at {m.wordsPerMinute} words a minute (the slower end of how fast
          adults read technical text; tables and code are not counted), {m.figureMinutes} minute for each figure, the minutes each learning activity states, and{" "}
          {m.quizItemMinutes} minute for each assessment question you can expect about the lesson. A lesson may not claim more than{" "}
          {Math.round(DECLARED_TOLERANCE * 100)}% above its estimate. While you study, the site records the time each lesson is open and in use (not idle time), and a
          lesson can be marked complete once {Math.round(a.minObservedShare * 100)}% of its estimated time has been recorded.
        </p>
        <Table id="hours" layout="scroll" className="mt-4" caption="Declared and estimated minutes per lesson" captionHidden>
            <thead>
              <tr className="text-left text-slate-600 dark:text-slate-400">
                <th scope="col" className="py-2 pr-3 font-semibold">
                  Lesson
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-semibold">
                  Words
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-semibold">
                  Figures
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-semibold">
                  Activities (min)
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-semibold">
                  Questions
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-semibold">
                  Estimate (min)
                </th>
                <th scope="col" className="py-2 text-right font-semibold">
                  Declared (min)
                </th>
              </tr>
            </thead>
            <tbody>
              {m.lessons.map((l) => (
                <tr key={l.slug} className="border-t border-slate-200 dark:border-slate-800">
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    {l.title}
                  </th>
                  <td className="py-2 pr-3 text-right">{l.words}</td>
                  <td className="py-2 pr-3 text-right">{l.figures}</td>
                  <td className="py-2 pr-3 text-right">{l.activityMinutes}</td>
                  <td className="py-2 pr-3 text-right">{l.quizItems}</td>
                  <td className="py-2 pr-3 text-right">{l.estimated}</td>
                  <td className="py-2 text-right font-medium">{l.declared}</td>
                </tr>
              ))}
            </tbody>
        </Table>
      </section>
    </>
  );
}
