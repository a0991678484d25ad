"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { callApi } from "@/components/learn/use-api";
import type { TClientQuestion, TResponse } from "@/lib/quiz/quiz-schema";

type TProps = {
  attemptId: string;
  number: number;
  deadlineAt: string | null;
  questions: TClientQuestion[];
  initialResponses: Record<string, TResponse>;
  reviewHref: string;
  /** Finals: the trainer confirms the work is their own before submitting (stored with the attempt). */
  requiresAttestation?: boolean;
};

function isAnswered(q: TClientQuestion, r: TResponse | undefined): boolean {
  if (!r) return false;
  if (r.type === "multiple") return r.optionIds.length > 0;
  if (r.type === "matching") return q.type === "matching" && q.prompts.every((p) => r.pairs[p.id]);
  return true;
}

function formatRemaining(ms: number) {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

// Answers autosave as the trainer goes; the server decides everything else (time, grading).
export function QuizRunner({ attemptId, number, deadlineAt, questions, initialResponses, reviewHref, requiresAttestation = false }: TProps) {
  const router = useRouter();
  const [responses, setResponses] = useState<Record<string, TResponse>>(initialResponses);
  const [saveState, setSaveState] = useState<"idle" | "saving" | "saved" | "error">("idle");
  const [saveError, setSaveError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attested, setAttested] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const dirty = useRef<Set<string>>(new Set());
  const idempotencyKey = useRef(`${attemptId}-${Math.random().toString(36).slice(2, 12)}`);
  const deadline = deadlineAt ? new Date(deadlineAt).getTime() : null;
  const answered = useMemo(() => questions.filter((q) => isAnswered(q, responses[q.id])).length, [questions, responses]);

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
      router.replace(reviewHref);
      router.refresh();
      return;
    }
    setSubmitting(false);
    setConfirming(false);
    setError(r.message);
  }, [attemptId, questions, responses, reviewHref, router, requiresAttestation, attested]);

  useEffect(() => {
    if (!deadline) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [deadline]);

  const timeUp = deadline !== null && now >= deadline;
  useEffect(() => {
    if (timeUp && !submitting) void submit({ timeUp: true });
  }, [timeUp, submitting, submit]);

  function setResponse(id: string, r: TResponse) {
    dirty.current.add(id);
    setResponses((prev) => ({ ...prev, [id]: r }));
  }

  const remaining = deadline ? deadline - now : null;
  return (
    <div>
      <div className="sticky top-0 z-20 -mx-4 mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white/95 px-4 py-3 text-sm backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
        <h1 className="text-base font-semibold">Attempt #{number}</h1>
        <span>
          {answered} of {questions.length} answered
        </span>
        <span aria-live="polite" className="text-slate-600 dark:text-slate-400">
          {saveState === "saving" ? "Saving…" : saveState === "saved" ? "All answers saved" : saveState === "error" ? `Not saved: ${saveError}` : ""}
        </span>
        {remaining !== null && (
          <span className={`font-mono ${remaining < 60_000 ? "text-red-700 dark:text-red-300" : ""}`} role="timer" aria-label={`Time left ${formatRemaining(remaining)}`}>
            ⏱ {formatRemaining(remaining)}
          </span>
        )}
      </div>
      <ol className="space-y-8">
        {questions.map((q, index) => (
          <li key={q.id}>
            <QuestionField index={index} question={q} response={responses[q.id]} onChange={(r) => setResponse(q.id, r)} disabled={submitting || timeUp} />
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
          <div role="alertdialog" aria-labelledby="confirm-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
            <p id="confirm-title" className="font-medium">
              {questions.length - answered} question{questions.length - answered === 1 ? " is" : "s are"} unanswered. Submit anyway?
            </p>
            <div className="mt-3 flex gap-2">
              <button type="button" onClick={() => void submit()} disabled={submitting} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
                {submitting ? "Submitting…" : "Submit answers"}
              </button>
              <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 px-4 py-2 dark:border-slate-700">
                Keep answering
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            disabled={submitting}
            onClick={() => (answered < questions.length ? setConfirming(true) : void submit())}
            className="rounded-md bg-brand-700 px-5 py-3 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {submitting ? "Submitting…" : "Submit answers"}
          </button>
        )}
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
  const box = "rounded-xl border border-slate-200 p-5 dark:border-slate-800";
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
                <span>{o.text}</span>
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
                <span>{o.text}</span>
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
              <div key={p.id} className="grid gap-2 sm:grid-cols-2 sm:items-center">
                <label htmlFor={`${q.id}-${p.id}`}>{p.text}</label>
                <select
                  id={`${q.id}-${p.id}`}
                  className="rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
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
              <span className="flex-1">{item?.text}</span>
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
