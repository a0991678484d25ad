"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { callApi } from "@/components/api/call-api";
import { linkClass } from "@/components/ui/text-link";
import { Button } from "@/components/ui/button";
import type { TClientQuestion, TResponse } from "@/lib/quiz/quiz-schema";
import { describeQuestionState, describeRemaining, dueWarning, formatRemaining, isAnswered, warningText } from "./quiz-runner-state";

type TProps = {
  attemptId: string;
  number: number;
  startedAt: string;
  deadlineAt: string | null;
  questions: TClientQuestion[];
  initialResponses: Record<string, TResponse>;
  reviewHref: string;
  /** Finals: the trainer confirms the work is their own before submitting (stored with the attempt). */
  requiresAttestation?: boolean;
};

type TLayout = "all" | "one";

// Answers autosave as the trainer goes; the server decides everything else (time, grading).
// Two layouts: every question on one page (wide screens), or one question per screen with
// Previous/Next (phones, or by choice). A navigator shows each question's state in both.
export function QuizRunner({ attemptId, number, startedAt, deadlineAt, questions, initialResponses, reviewHref, requiresAttestation = false }: TProps) {
  const router = useRouter();
  const [responses, setResponses] = useState<Record<string, TResponse>>(initialResponses);
  const [saveState, setSaveState] = useState<"idle" | "saving" | "saved" | "error">("idle");
  const [saveError, setSaveError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attested, setAttested] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [flagged, setFlagged] = useState<Set<string>>(new Set());
  const [layout, setLayout] = useState<TLayout>("all");
  const [current, setCurrent] = useState(0);
  const [warning, setWarning] = useState<string | null>(null);
  const warningsGiven = useRef<Set<number>>(new Set());
  const dirty = useRef<Set<string>>(new Set());
  const idempotencyKey = useRef(`${attemptId}-${Math.random().toString(36).slice(2, 12)}`);
  const deadline = deadlineAt ? new Date(deadlineAt).getTime() : null;
  const totalMs = deadline ? deadline - new Date(startedAt).getTime() : 0;
  const answeredIds = useMemo(() => new Set(questions.filter((q) => isAnswered(q, responses[q.id])).map((q) => q.id)), [questions, responses]);
  const answered = answeredIds.size;
  const flagKey = `backbone-flags-${attemptId}`;

  // Phones start with one question per screen; flags survive a reload of this attempt.
  useEffect(() => {
    if (window.matchMedia("(max-width: 639px)").matches) setLayout("one");
    try {
      const stored = JSON.parse(sessionStorage.getItem(flagKey) ?? "[]") as unknown;
      if (Array.isArray(stored)) setFlagged(new Set(stored.filter((x): x is string => typeof x === "string")));
    } catch {
      // Nothing stored, or storage unavailable.
    }
  }, [flagKey]);

  function toggleFlag(id: string) {
    setFlagged((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      try {
        sessionStorage.setItem(flagKey, JSON.stringify([...next]));
      } catch {
        // Flags then last for this page only.
      }
      return next;
    });
  }

  const flush = useCallback(async () => {
    if (dirty.current.size === 0) return;
    const ids = [...dirty.current];
    dirty.current.clear();
    const answers: Record<string, TResponse> = {};
    for (const id of ids) if (responses[id]) answers[id] = responses[id];
    setSaveState("saving");
    const r = await callApi(`/api/quiz/attempts/${attemptId}/answers`, { method: "PUT", body: { answers } });
    if (r.ok) {
      setSaveState("saved");
      setSaveError(null);
    } else {
      for (const id of ids) dirty.current.add(id);
      setSaveState("error");
      setSaveError(r.message);
    }
  }, [attemptId, responses]);

  useEffect(() => {
    const t = window.setTimeout(() => void flush(), 800);
    return () => window.clearTimeout(t);
  }, [flush]);

  const submit = useCallback(async (options: { timeUp?: boolean } = {}) => {
    // When time runs out the server grades what was saved, attestation or not (and gives no credit without it).
    if (requiresAttestation && !attested && !options.timeUp) {
      setConfirming(false);
      setError("Confirm that this assessment is your own work before submitting it.");
      document.getElementById("attest-own-work")?.focus();
      return;
    }
    setSubmitting(true);
    setError(null);
    const allAnswers: Record<string, TResponse> = {};
    for (const q of questions) {
      const r = responses[q.id];
      if (r) allAnswers[q.id] = r;
      else if (q.type === "ordering") allAnswers[q.id] = { type: "ordering", itemIds: q.items.map((i) => i.id) };
    }
    const r = await callApi(`/api/quiz/attempts/${attemptId}/submit`, {
      body: { idempotencyKey: idempotencyKey.current, answers: allAnswers, ...(requiresAttestation ? { attest: attested } : {}) },
    });
    if (r.ok || r.status === 410 || r.status === 409) {
      try {
        sessionStorage.removeItem(flagKey);
      } catch {
        // Nothing to clear.
      }
      router.replace(reviewHref);
      router.refresh();
      return;
    }
    setSubmitting(false);
    setConfirming(false);
    setError(r.message);
  }, [attemptId, flagKey, questions, responses, reviewHref, router, requiresAttestation, attested]);

  useEffect(() => {
    if (!deadline) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [deadline]);

  const remaining = deadline ? deadline - now : null;
  useEffect(() => {
    if (remaining === null) return;
    const due = dueWarning(remaining, totalMs, warningsGiven.current);
    if (due === null) return;
    for (const t of [due, 5 * 60_000, 60_000]) if (t >= due) warningsGiven.current.add(t);
    setWarning(warningText(due));
  }, [remaining, totalMs]);

  const timeUp = deadline !== null && now >= deadline;
  useEffect(() => {
    if (timeUp && !submitting) void submit({ timeUp: true });
  }, [timeUp, submitting, submit]);

  function setResponse(id: string, r: TResponse) {
    dirty.current.add(id);
    setResponses((prev) => ({ ...prev, [id]: r }));
  }

  function goTo(index: number) {
    setConfirming(false);
    if (layout === "one") {
      setCurrent(index);
      window.requestAnimationFrame(() => document.getElementById(`question-${questions[index].id}`)?.focus());
    } else {
      const el = document.getElementById(`question-${questions[index].id}`);
      el?.scrollIntoView({ block: "start" });
      el?.focus({ preventScroll: true });
    }
  }

  const unansweredIndexes = questions.flatMap((q, i) => (answeredIds.has(q.id) ? [] : [i]));
  const flaggedIndexes = questions.flatMap((q, i) => (flagged.has(q.id) ? [i] : []));

  return (
    <div>
      <div className="sticky top-0 z-20 -mx-4 mb-4 border-b border-slate-200 bg-white/95 px-4 py-2 text-sm backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
          <h1 className="text-base font-semibold">Attempt #{number}</h1>
          <span>
            {answered} of {questions.length} answered
          </span>
          {remaining !== null && <Timer remaining={remaining} totalMs={totalMs} />}
        </div>
        <p aria-live="polite" className="min-h-5 text-xs text-slate-600 dark:text-slate-400">
          {saveState === "saving" ? "Saving…" : saveState === "saved" ? "All answers saved" : saveState === "error" ? `Not saved: ${saveError}` : ""}
        </p>
      </div>
      <p aria-live="polite" aria-atomic="true" className={warning ? "mb-4 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm font-medium text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100" : "sr-only"}>
        {warning}
      </p>

      <QuestionNavigator
        questions={questions}
        answeredIds={answeredIds}
        flagged={flagged}
        current={layout === "one" ? current : null}
        layout={layout}
        onGo={goTo}
        onLayout={(next) => {
          setLayout(next);
          setCurrent(0);
        }}
      />

      <ol id="quiz-questions" className="mt-6 space-y-8">
        {questions.map((q, index) => (
          <li key={q.id} hidden={layout === "one" && index !== current}>
            <div id={`question-${q.id}`} tabIndex={-1} className="scroll-mt-28 rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-800">
              <QuestionField index={index} question={q} response={responses[q.id]} onChange={(r) => setResponse(q.id, r)} disabled={submitting || timeUp} />
              <div className="mt-4 flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-3 dark:border-slate-800">
                <button
                  type="button"
                  aria-pressed={flagged.has(q.id)}
                  onClick={() => toggleFlag(q.id)}
                  className="inline-flex min-h-9 items-center gap-1.5 rounded-md px-2 text-sm text-slate-700 hover:bg-slate-100 aria-pressed:font-medium aria-pressed:text-amber-800 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-pressed:text-amber-300"
                >
                  <FlagIcon filled={flagged.has(q.id)} />
                  {flagged.has(q.id) ? "Flagged for review" : "Flag for review"}
                  <span className="sr-only">: question {index + 1}</span>
                </button>
                {layout === "one" && (
                  <div className="flex gap-2">
                    <Button variant="secondary" disabled={index === 0} onClick={() => goTo(index - 1)}>
                      Previous<span className="sr-only"> question</span>
                    </Button>
                    {index < questions.length - 1 && (
                      <Button variant="secondary" onClick={() => goTo(index + 1)}>
                        Next<span className="sr-only"> question</span>
                      </Button>
                    )}
                  </div>
                )}
              </div>
            </div>
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" className="mt-6 rounded-md border border-red-300 bg-red-50 p-3 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <div className="mt-10 border-t border-slate-200 pt-6 dark:border-slate-800">
        {requiresAttestation && (
          <p className="mb-5 flex items-start gap-3 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
            <input
              id="attest-own-work"
              type="checkbox"
              checked={attested}
              onChange={(e) => setAttested(e.target.checked)}
              disabled={submitting}
              className="mt-1 h-4 w-4"
            />
            <label htmlFor="attest-own-work">
              I confirm that I completed this course and this assessment myself, without help from anyone else. Your confirmation is stored with the attempt and
              is part of the record we keep for certifying bodies.
            </label>
          </p>
        )}
        {confirming ? (
          <SubmitSummary
            total={questions.length}
            unanswered={unansweredIndexes}
            flagged={flaggedIndexes}
            submitting={submitting}
            onGo={goTo}
            onSubmit={() => void submit()}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <Button
            size="lg"
            disabled={submitting}
            onClick={() => (unansweredIndexes.length > 0 || flaggedIndexes.length > 0 ? setConfirming(true) : void submit())}
          >
            {submitting ? "Submitting…" : "Submit answers"}
          </Button>
        )}
      </div>
    </div>
  );
}

/** A ring that empties as time runs out, with the time as text. Screen readers get the timer's value on demand; warnings come through the live region. */
function Timer({ remaining, totalMs }: { remaining: number; totalMs: number }) {
  const fraction = totalMs > 0 ? Math.min(1, Math.max(0, remaining / totalMs)) : 0;
  const circumference = 2 * Math.PI * 9;
  const low = remaining < 60_000;
  const tone = low ? "text-red-700 dark:text-red-300" : remaining < 5 * 60_000 ? "text-amber-800 dark:text-amber-300" : "text-slate-800 dark:text-slate-100";
  return (
    <span role="timer" aria-label={`Time left: ${describeRemaining(remaining)}`} className={`inline-flex items-center gap-1.5 font-mono tabular-nums ${tone}`}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 -rotate-90">
        <circle cx="12" cy="12" r="9" fill="none" strokeWidth="3" className="stroke-slate-200 dark:stroke-slate-700" />
        <circle
          cx="12"
          cy="12"
          r="9"
          fill="none"
          strokeWidth="3"
          stroke="currentColor"
          strokeLinecap="round"
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - fraction)}
        />
      </svg>
      {formatRemaining(remaining)}
    </span>
  );
}

function FlagIcon({ filled }: { filled: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill={filled ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round">
      <path d="M4 18V3M4 3h10l-2 3.5L14 10H4" />
    </svg>
  );
}

function QuestionNavigator({
  questions,
  answeredIds,
  flagged,
  current,
  layout,
  onGo,
  onLayout,
}: {
  questions: TClientQuestion[];
  answeredIds: Set<string>;
  flagged: Set<string>;
  current: number | null;
  layout: TLayout;
  onGo: (index: number) => void;
  onLayout: (layout: TLayout) => void;
}) {
  return (
    <nav aria-label="Questions" className="rounded-xl border border-slate-200 p-3 dark:border-slate-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
          <span className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm bg-brand-700 dark:bg-brand-100" /> Answered
          </span>
          <span className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm border border-slate-400" /> Not answered
          </span>
          <span className="inline-flex items-center gap-1 text-amber-800 dark:text-amber-300">
            <FlagIcon filled /> Flagged
          </span>
        </p>
        <button type="button" className={`text-xs ${linkClass}`} onClick={() => onLayout(layout === "one" ? "all" : "one")}>
          {layout === "one" ? "Show all questions" : "One question at a time"}
        </button>
      </div>
      <ol className="mt-2 flex flex-wrap gap-1.5">
        {questions.map((q, i) => {
          const state = { answered: answeredIds.has(q.id), flagged: flagged.has(q.id) };
          return (
            <li key={q.id}>
              <button
                type="button"
                onClick={() => onGo(i)}
                aria-label={describeQuestionState(i, state)}
                aria-current={current === i ? "step" : undefined}
                className={`relative inline-flex h-9 w-9 items-center justify-center rounded-md text-sm font-medium ${
                  state.answered
                    ? "bg-brand-700 text-white hover:bg-brand-800 dark:bg-brand-100 dark:text-slate-950"
                    : "border border-slate-400 text-slate-800 hover:bg-slate-100 dark:border-slate-500 dark:text-slate-100 dark:hover:bg-slate-800"
                } ${current === i ? "ring-2 ring-amber-500 ring-offset-2 dark:ring-offset-slate-950" : ""}`}
              >
                {i + 1}
                {state.flagged && (
                  <span className="absolute -top-1.5 -right-1.5 rounded-full bg-white text-amber-700 dark:bg-slate-950 dark:text-amber-300">
                    <FlagIcon filled />
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function SubmitSummary({
  total,
  unanswered,
  flagged,
  submitting,
  onGo,
  onSubmit,
  onCancel,
}: {
  total: number;
  unanswered: number[];
  flagged: number[];
  submitting: boolean;
  onGo: (index: number) => void;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const list = (indexes: number[]) => (
    <ul className="mt-1 flex flex-wrap gap-1.5">
      {indexes.map((i) => (
        <li key={i}>
          <button type="button" onClick={() => onGo(i)} className="rounded border border-slate-400 px-2 py-0.5 text-sm hover:bg-white dark:border-slate-500 dark:hover:bg-slate-900">
            <span className="sr-only">Go to question </span>
            {i + 1}
          </button>
        </li>
      ))}
    </ul>
  );
  return (
    <div role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
      <h2 id="confirm-title" className="font-semibold">
        Before you submit
      </h2>
      <div id="confirm-body" className="mt-2 space-y-3 text-sm">
        <p>
          {total - unanswered.length} of {total} questions answered.
          {unanswered.length > 0 && (
            <>
              {" "}
              {unanswered.length} question{unanswered.length === 1 ? " is" : "s are"} unanswered. Submit anyway?
            </>
          )}
        </p>
        {unanswered.length > 0 && (
          <div>
            <h3 className="font-medium">Not answered</h3>
            {list(unanswered)}
          </div>
        )}
        {flagged.length > 0 && (
          <div>
            <h3 className="font-medium">Flagged for review</h3>
            {list(flagged)}
          </div>
        )}
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button onClick={onSubmit} disabled={submitting}>
          {submitting ? "Submitting…" : "Submit answers"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Keep answering
        </Button>
      </div>
    </div>
  );
}

function QuestionField({ index, question: q, response, onChange, disabled }: { index: number; question: TClientQuestion; response: TResponse | undefined; onChange: (r: TResponse) => void; disabled: boolean }) {
  const legend = (
    <legend className="font-semibold">
      <span className="mr-2 text-slate-500 dark:text-slate-400">{index + 1}.</span>
      {q.prompt}
    </legend>
  );
  // The card border is on the wrapper, not the fieldset: a legend sits on its fieldset's border,
  // which ran long question text across the card's top edge. min-w-0 lets the fieldset shrink
  // below its widest option (a fieldset's default min-width is its content's).
  const box = "min-w-0";
  const option = "flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 hover:bg-slate-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-slate-800 dark:hover:bg-slate-900 dark:has-[:checked]:bg-slate-900";
  switch (q.type) {
    case "single":
      return (
        <fieldset className={box} disabled={disabled}>
          {legend}
          <div className="mt-3 space-y-2">
            {q.options.map((o) => (
              <label key={o.id} className={option}>
                <input type="radio" name={q.id} className="mt-1" checked={response?.type === "single" && response.optionId === o.id} onChange={() => onChange({ type: "single", optionId: o.id })} />
                <span className="min-w-0">{o.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
      );
    case "multiple": {
      const chosen = response?.type === "multiple" ? response.optionIds : [];
      return (
        <fieldset className={box} disabled={disabled}>
          {legend}
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Select all that apply.</p>
          <div className="mt-3 space-y-2">
            {q.options.map((o) => (
              <label key={o.id} className={option}>
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={chosen.includes(o.id)}
                  onChange={(e) => onChange({ type: "multiple", optionIds: e.target.checked ? [...chosen, o.id] : chosen.filter((id) => id !== o.id) })}
                />
                <span className="min-w-0">{o.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
      );
    }
    case "true-false":
      return (
        <fieldset className={box} disabled={disabled}>
          {legend}
          <div className="mt-3 flex gap-3">
            {[true, false].map((v) => (
              <label key={String(v)} className={`${option} flex-1`}>
                <input type="radio" name={q.id} checked={response?.type === "true-false" && response.value === v} onChange={() => onChange({ type: "true-false", value: v })} />
                <span>{v ? "True" : "False"}</span>
              </label>
            ))}
          </div>
        </fieldset>
      );
    case "ordering":
      return <OrderingField q={q} response={response} onChange={onChange} disabled={disabled} legend={legend} box={box} />;
    case "matching": {
      const pairs = response?.type === "matching" ? response.pairs : {};
      return (
        <fieldset className={box} disabled={disabled}>
          {legend}
          <div className="mt-3 space-y-3">
            {q.prompts.map((p) => (
              <div key={p.id} className="grid grid-cols-1 gap-2 sm:grid-cols-2 sm:items-center">
                <label htmlFor={`${q.id}-${p.id}`}>{p.text}</label>
                <select
                  id={`${q.id}-${p.id}`}
                  className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
                  value={pairs[p.id] ?? ""}
                  onChange={(e) => {
                    const next = { ...pairs };
                    if (e.target.value) next[p.id] = e.target.value;
                    else delete next[p.id];
                    onChange({ type: "matching", pairs: next });
                  }}
                >
                  <option value="">Choose…</option>
                  {q.choices.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.text}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
      );
    }
    case "numeric":
      return (
        <fieldset className={box} disabled={disabled}>
          {legend}
          <div className="mt-3 flex items-center gap-2">
            <label htmlFor={`${q.id}-value`} className="sr-only">
              Your answer
            </label>
            <input
              id={`${q.id}-value`}
              type="text"
              inputMode="decimal"
              className="w-40 rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
              defaultValue={response?.type === "numeric" ? String(response.value) : ""}
              onChange={(e) => {
                const value = Number(e.target.value.replace(",", "."));
                if (e.target.value.trim() !== "" && Number.isFinite(value)) onChange({ type: "numeric", value });
              }}
            />
            {q.unit && <span>{q.unit}</span>}
          </div>
        </fieldset>
      );
  }
}

function OrderingField({
  q,
  response,
  onChange,
  disabled,
  legend,
  box,
}: {
  q: Extract<TClientQuestion, { type: "ordering" }>;
  response: TResponse | undefined;
  onChange: (r: TResponse) => void;
  disabled: boolean;
  legend: React.ReactNode;
  box: string;
}) {
  const order = response?.type === "ordering" && response.itemIds.length === q.items.length ? response.itemIds : q.items.map((i) => i.id);
  const [announcement, setAnnouncement] = useState("");
  function move(from: number, to: number) {
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange({ type: "ordering", itemIds: next });
    const text = q.items.find((i) => i.id === item)?.text ?? "";
    setAnnouncement(`${text} moved to position ${to + 1} of ${order.length}`);
  }
  return (
    <fieldset className={box} disabled={disabled}>
      {legend}
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Put these in order using the Up and Down buttons (first at the top).</p>
      <ol className="mt-3 space-y-2">
        {order.map((id, i) => {
          const item = q.items.find((x) => x.id === id);
          return (
            <li key={id} className="flex items-center gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-800">
              <span className="w-6 text-center text-sm text-slate-500">{i + 1}</span>
              <span className="min-w-0 flex-1">{item?.text}</span>
              <button type="button" onClick={() => move(i, i - 1)} disabled={i === 0} className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40 dark:border-slate-700">
                Up<span className="sr-only">: move {item?.text} up</span>
              </button>
              <button
                type="button"
                onClick={() => move(i, i + 1)}
                disabled={i === order.length - 1}
                className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40 dark:border-slate-700"
              >
                Down<span className="sr-only">: move {item?.text} down</span>
              </button>
            </li>
          );
        })}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </fieldset>
  );
}
