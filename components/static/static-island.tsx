import type { ReactNode } from "react";
import { StaticIslandClient } from "./static-island-client";
import { putStaticIsland } from "./static-island-registry";

/**
 * Server-rendered content that needs no JavaScript (a lesson body), sent once as HTML instead of
 * twice (as HTML and again as RSC data for hydration). `id` must change when the content does.
 * Only for prerendered pages, and only server components and plain elements inside (a client
 * component such as next/link cannot render there: use <a>). See docs/decisions/005-static-lesson-body.md.
 */
export function StaticIsland({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  putStaticIsland(id, children);
  return <StaticIslandClient id={id} className={className} />;
}
