import type { ReactNode } from "react";

// Pieces shared by the lesson diagrams.

// Stroke and fill styles that read in light mode, dark mode and print.
export const BODY = "fill-none stroke-slate-700 dark:stroke-slate-200 print:stroke-black";
export const TORSO = "fill-none stroke-slate-300 dark:stroke-slate-600 print:stroke-slate-400";
export const SPINE = "fill-none stroke-amber-600 dark:stroke-amber-400 print:stroke-black";
export const HEAD = "fill-white stroke-slate-700 dark:fill-slate-900 dark:stroke-slate-200 print:stroke-black";
export const MUTED = "fill-slate-600 dark:fill-slate-300 print:fill-black";

/** An arrowhead for SVG lines (`markerEnd={`url(#${id})`}`), coloured by its Tailwind fill class. */
function ArrowMarker({ id, className, size = 5 }: { id: string; className: string; size?: number }) {
  return (
    <marker id={id} viewBox="0 0 10 10" refX={8} refY={5} markerWidth={size} markerHeight={size} orient="auto-start-reverse" className={className}>
      <path d="M0 0 L10 5 L0 10 Z" />
    </marker>
  );
}

/** The `markerEnd` value for the arrowhead a DiagramFrame with this id defines. */
export function arrowEnd(id: string): string {
  return `url(#${id}-arrow)`;
}

/**
 * The accessible outer SVG every diagram shares: role="img" named by its <title> and described by
 * its <desc> (ids derived from `id`, so a diagram can appear twice on a page), and an optional
 * arrowhead marker.
 */
export function DiagramFrame({
  id,
  viewBox,
  title,
  description,
  className,
  arrow,
  children,
}: {
  id: string;
  viewBox: string;
  title: string;
  description: ReactNode;
  className: string;
  arrow?: { className: string; size?: number };
  children: ReactNode;
}) {
  return (
    <svg viewBox={viewBox} role="img" aria-labelledby={`${id}-title ${id}-desc`} className={className}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {arrow && (
        <defs>
          <ArrowMarker id={`${id}-arrow`} className={arrow.className} size={arrow.size} />
        </defs>
      )}
      {children}
    </svg>
  );
}
