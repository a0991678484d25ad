// The Backbone CE mark: a stylised spine (three stacked vertebrae on a curve) in a rounded tile.
// One SVG source for the header, the favicon (app/icon.svg) and the 404/500 pages.

export function LogoMark({ className = "h-8 w-8" }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className={className}>
      <rect width="32" height="32" rx="8" className="fill-brand-700 dark:fill-brand-600" />
      <path d="M16 4.5c-3 3.2-3 6.3 0 9.4s3 6.2 0 9.4" fill="none" stroke="#d5ece6" strokeWidth="1.5" strokeLinecap="round" opacity="0.7" />
      <rect x="9.5" y="6" width="13" height="5" rx="2.5" fill="#fff" />
      <rect x="8.5" y="13.5" width="15" height="5" rx="2.5" fill="#fff" />
      <rect x="9.5" y="21" width="13" height="5" rx="2.5" fill="#fff" />
    </svg>
  );
}

export function Logo() {
  return (
    <span className="flex items-center gap-2">
      <LogoMark />
      <span className="text-lg font-bold tracking-tight text-slate-900 dark:text-white">
        Backbone<span className="text-brand-700 dark:text-brand-100"> CE</span>
      </span>
    </span>
  );
}
