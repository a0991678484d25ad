// Pieces shared by the lesson diagrams.

/** An arrowhead for SVG lines (`markerEnd={`url(#${id})`}`), coloured by its Tailwind fill class. */
export function ArrowMarker({ id, className, size = 5 }: { id: string; className: string; size?: number }) {
  return (
    <marker id={id} viewBox="0 0 10 10" refX={8} refY={5} markerWidth={size} markerHeight={size} orient="auto-start-reverse" className={className}>
      <path d="M0 0 L10 5 L0 10 Z" />
    </marker>
  );
}
