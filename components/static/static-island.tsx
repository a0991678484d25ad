import type { ReactNode } from "react";
import { StaticIslandClient } from "./static-island-client";
import { putStaticIsland } from "./static-island-registry";

/**
 * Server-rendered content that needs no JavaScript (a lesson body), sent once as HTML instead of
 * twice (as HTML and again as RSC data for hydration). `id` must change when the content does.
 * Only for prerendered pages. The children are rendered by the HTML pass as plain components,
 * so inside go plain elements and synchronous components without hooks, server APIs or client
 * components (next/link cannot render there: use <a>). See docs/decisions/005-static-lesson-body.md.
 */
export function StaticIsland({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  putStaticIsland(id, children);
  return <StaticIslandClient id={id} className={className} />;
}
