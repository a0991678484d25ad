import type { ReactNode } from "react";

// Hands a server-rendered subtree from the React Server Components pass to the HTML pass of the
// same prerender without putting it in the RSC payload. Both passes run in one process, one after
// the other, so a process-wide map is enough; entries are keyed by page and content and few (one
// per lesson version), so they are kept rather than deleted (a page may be rendered more than once).
const store = globalThis as { __backboneStaticIslands?: Map<string, ReactNode> };
store.__backboneStaticIslands ??= new Map();
const registry = store.__backboneStaticIslands;

export function putStaticIsland(id: string, content: ReactNode): void {
  registry.set(id, content);
}

/** The content stored under `id`, or undefined when this process never rendered it. */
export function takeStaticIsland(id: string): ReactNode | undefined {
  return registry.get(id);
}
