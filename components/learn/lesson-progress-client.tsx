"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { isStaticIslandLoading, STATIC_ISLAND_READY } from "@/components/static/static-island-client";
import { loadClientSession } from "@/components/site/client-session";
import { callApi } from "@/components/api/call-api";
import { buttonClass } from "@/components/ui/button";
import { linkClass } from "@/components/ui/text-link";
import type { TLessonProgressView as TProgress } from "@/lib/progress/lesson-progress.server";

// Heartbeats: about every 15 s while the page is visible and the trainer has done something
// (scrolled, pointed, typed) in the last two minutes. The server decides what each is worth.
const HEARTBEAT_MS = 15_000;
const ACTIVE_WINDOW_MS = 120_000;
type TState = { kind: "loading" } | { kind: "anonymous" } | { kind: "error"; message: string } | { kind: "ready"; progress: TProgress };

// The per-trainer part of a static lesson page: reading progress, resume point, completion.
export function LessonProgress(props: {
  courseSlug: string;
  lessonSlug: string;
  lessonTitle: string;
  headingIds: string[];
  nextHref: string;
  nextLabel: string;
}) {
  const { courseSlug, lessonSlug, headingIds } = props;
  const [state, setState] = useState<TState>({ kind: "loading" });
  const [percent, setPercent] = useState(0);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [showResume, setShowResume] = useState(false);
  const pending = useRef<{ percent: number; anchor: string | null } | null>(null);
  const lastSent = useRef<string>("");
  const signedIn = state.kind === "ready";
  const query = `course=${encodeURIComponent(courseSlug)}&lesson=${encodeURIComponent(lessonSlug)}`;

  useEffect(() => {
    let live = true;
    // Guests get the sign-in prompt without a request that would answer 401.
    loadClientSession().then(async (session) => {
      if (!live) return;
      if (!session) {
        setState({ kind: "anonymous" });
        return;
      }
      const r = await callApi<TProgress>(`/api/progress/lesson?${query}`);
      if (!live) return;
      if (r.ok) {
        setState({ kind: "ready", progress: r.data });
        if (r.data.lastAnchor && r.data.lastPercent > 5 && r.data.lastPercent < 95 && window.scrollY < 200) setShowResume(true);
      } else if (r.status === 401) setState({ kind: "anonymous" });
      else setState({ kind: "error", message: r.message });
    });
    return () => {
      live = false;
    };
  }, [query]);

  const flush = useCallback(
    (beacon = false) => {
      const p = pending.current;
      if (!p || !signedIn) return;
      const key = `${p.percent}:${p.anchor}`;
      if (key === lastSent.current) return;
      lastSent.current = key;
      const body = JSON.stringify({ course: courseSlug, lesson: lessonSlug, percent: p.percent, anchor: p.anchor });
      if (beacon && navigator.sendBeacon) navigator.sendBeacon("/api/progress/lesson", new Blob([body], { type: "application/json" }));
      else void fetch("/api/progress/lesson", { method: "POST", headers: { "Content-Type": "application/json" }, body, keepalive: true });
    },
    [courseSlug, lessonSlug, signedIn],
  );

  useEffect(() => {
    if (!signedIn) return;
    let lastActivity = Date.now();
    const onActivity = () => {
      lastActivity = Date.now();
    };
    const events = ["scroll", "pointermove", "pointerdown", "keydown", "touchstart"] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    const beat = async () => {
      if (document.visibilityState !== "visible" || Date.now() - lastActivity > ACTIVE_WINDOW_MS) return;
      const r = await callApi<TProgress>("/api/progress/lesson", { body: { course: courseSlug, lesson: lessonSlug, heartbeat: true } });
      if (r.ok) setState((prev) => (prev.kind === "ready" ? { kind: "ready", progress: { ...prev.progress, observedSeconds: r.data.observedSeconds, requiredSeconds: r.data.requiredSeconds } } : prev));
    };
    void beat();
    const timer = window.setInterval(() => void beat(), HEARTBEAT_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") onActivity();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity);
      document.removeEventListener("visibilitychange", onVisible);
      window.clearInterval(timer);
    };
  }, [signedIn, courseSlug, lessonSlug]);

  useEffect(() => {
    const onScroll = () => {
      // After a client-side navigation the lesson body arrives a moment later: an empty page
      // would read as 100% read with no heading, so nothing is measured until it is there.
      if (isStaticIslandLoading()) return;
      const doc = document.documentElement;
      const max = doc.scrollHeight - window.innerHeight;
      const pct = max > 0 ? Math.min(100, Math.max(0, Math.round((window.scrollY / max) * 100))) : 100;
      setPercent(pct);
      let anchor: string | null = null;
      for (const id of headingIds) {
        const el = document.getElementById(id);
        if (el && el.getBoundingClientRect().top < 120) anchor = id;
      }
      pending.current = { percent: pct, anchor };
      if (pct > 10) setShowResume(false);
    };
    onScroll();
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener(STATIC_ISLAND_READY, onScroll);
    const timer = window.setInterval(() => flush(), 5_000);
    const onHide = () => flush(true);
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener(STATIC_ISLAND_READY, onScroll);
      window.removeEventListener("pagehide", onHide);
      window.clearInterval(timer);
    };
  }, [headingIds, flush]);

  async function markComplete() {
    setSaving(true);
    setNotice(null);
    const r = await callApi<TProgress>("/api/progress/lesson", { body: { course: courseSlug, lesson: lessonSlug, complete: true, percent } });
    setSaving(false);
    if (r.ok) {
      setState({ kind: "ready", progress: r.data });
      setNotice("Lesson marked complete.");
    } else setNotice(r.message);
  }

  function resume() {
    if (state.kind !== "ready" || !state.progress.lastAnchor) return;
    const el = document.getElementById(state.progress.lastAnchor);
    el?.scrollIntoView();
    el?.focus?.();
    setShowResume(false);
  }

  const completed = state.kind === "ready" && state.progress.completed;
  return (
    <>
      <div
        className="no-print fixed inset-x-0 top-0 z-40 h-1 bg-transparent"
        role="progressbar"
        aria-label="Reading progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="h-full bg-brand-600 transition-[width] duration-150" style={{ width: `${percent}%` }} />
      </div>
      {showResume && (
        <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-sm dark:border-slate-700 dark:bg-slate-900">
          <span>You were part-way through this lesson.</span>
          <button type="button" onClick={resume} className={buttonClass()}>
            Resume where you left off
          </button>
        </div>
      )}
      <section
        aria-label="Lesson status"
        className="no-print fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95"
      >
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
          {/* On phones the status takes its own two lines above the buttons in every state, so the bar
              does not grow when the session arrives (a layout shift). */}
          <p aria-live="polite" className="min-h-10 w-full text-slate-700 sm:min-h-5 sm:w-auto dark:text-slate-300">
            {state.kind === "loading" && "Loading your progress…"}
            {state.kind === "anonymous" && (
              <>
                Reading as a guest.{" "}
                <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/courses/${courseSlug}/${lessonSlug}`)}`} className={linkClass}>
                  Sign in
                </Link>{" "}
                to track your progress and earn credit.
              </>
            )}
            {state.kind === "error" && state.message}
            {state.kind === "ready" &&
              (notice ??
                (completed
                  ? "✓ You have completed this lesson."
                  : `${percent}% read · ${timeLabel(state.progress.observedSeconds)} of ${timeLabel(state.progress.requiredSeconds)} on this lesson`))}
          </p>
          <div className="flex flex-wrap gap-2">
            {state.kind === "ready" && !completed && (
              <button
                type="button"
                onClick={markComplete}
                disabled={saving}
                className={buttonClass()}
              >
                {saving ? "Saving…" : "Mark lesson complete"}
              </button>
            )}
            {completed && (
              <a href={props.nextHref} className={buttonClass()}>
                {props.nextLabel}
              </a>
            )}
            <button type="button" onClick={() => window.print()} className={buttonClass({ variant: "secondary" })}>
              Print
            </button>
          </div>
        </div>
      </section>
      <div className="h-16" aria-hidden="true" />
    </>
  );
}

function timeLabel(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min` : `${seconds} s`;
}
