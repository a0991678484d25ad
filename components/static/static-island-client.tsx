"use client";

import { useEffect, useRef, useState } from "react";
import { takeStaticIsland } from "./static-island-registry";

// The browser half of <StaticIsland>. On a full page load the island's HTML is already in the
// document: React keeps it untouched (an element whose content is dangerouslySetInnerHTML is not
// hydrated child by child), so the subtree never has to travel a second time in the RSC payload.
// After a client-side navigation (Back, a soft link) there is no server HTML to keep, so the
// island fetches its own prerendered page once and takes its markup from there.
const KEEP_SERVER_HTML = { __html: "" };

/** Fired on window when an island has fetched and shown its content after a client navigation. */
export const STATIC_ISLAND_READY = "static-island:ready";

/** True while an island on the page has no content yet (page measurements would be wrong). */
export function isStaticIslandLoading(): boolean {
  return [...document.querySelectorAll("[data-static-island]")].some((el) => el.childNodes.length === 0 || el.hasAttribute("aria-busy"));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function StaticIslandClient({ id, className }: { id: string; className?: string }) {
  if (typeof window === "undefined") {
    // Server render: the content the server component left for this island, rendered in place.
    // Missing content would ship an empty lesson, so it fails the render (and the build) instead.
    const content = takeStaticIsland(id);
    if (content === undefined) throw new Error(`Static island ${id} has no content in this process: see docs/decisions/005-static-lesson-body.md.`);
    return (
      <div data-static-island={id} className={className}>
        {content}
      </div>
    );
  }
  return <BrowserIsland id={id} className={className} />;
}

function BrowserIsland({ id, className }: { id: string; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<"ready" | "loading" | "error">("ready");

  useEffect(() => {
    const el = ref.current;
    if (!el || el.childNodes.length > 0) return;
    let live = true;
    setStatus("loading");
    fetch(window.location.pathname, { headers: { accept: "text/html" } })
      .then((res) => (res.ok ? res.text() : Promise.reject(new Error(String(res.status)))))
      .then((html) => {
        if (!live) return;
        const source = new DOMParser().parseFromString(html, "text/html").querySelector(`[data-static-island="${CSS.escape(id)}"]`);
        if (!source?.innerHTML.trim()) throw new Error("missing island");
        el.innerHTML = source.innerHTML;
        setStatus("ready");
        const hash = window.location.hash.slice(1);
        if (hash) document.getElementById(safeDecode(hash))?.scrollIntoView();
        // Islands on the page (reading progress) measured an empty body until now.
        window.dispatchEvent(new CustomEvent(STATIC_ISLAND_READY, { detail: { id } }));
      })
      .catch(() => live && setStatus("error"));
    return () => {
      live = false;
    };
  }, [id]);

  return (
    <>
      {status !== "ready" ? (
        <p role="status" className="text-slate-600 dark:text-slate-400">
          {status === "loading" ? (
            "Loading the lesson…"
          ) : (
            <>
              This part of the page did not load. <a href={window.location.href}>Reload the page</a>.
            </>
          )}
        </p>
      ) : null}
      <div
        ref={ref}
        data-static-island={id}
        className={className}
        aria-busy={status === "loading" || undefined}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: an empty constant, never user input; it tells React to keep the server's HTML
        dangerouslySetInnerHTML={KEEP_SERVER_HTML}
        suppressHydrationWarning
      />
    </>
  );
}
