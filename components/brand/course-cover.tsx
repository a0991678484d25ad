// Cover art for a course, drawn as SVG (no image files, crisp at any size, themed by CSS). The
// back-care course gets its own drawing (a spine's gentle S-curve of vertebrae over a movement
// arc); any other course gets a pattern seeded by its slug, so each looks different but on brand.
// Decorative: the course title next to it says what it is.

function seedOf(slug: string): number {
  let h = 2166136261;
  for (const ch of slug) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

function BackCareArt() {
  // Vertebrae along an S-curve, widest at the lower back.
  const vertebrae = Array.from({ length: 11 }, (_, i) => {
    const t = i / 10;
    const y = 34 + t * 152;
    const x = 250 + Math.sin(t * Math.PI * 1.6 - 0.4) * 16;
    const w = 30 + t * 22;
    return { x, y, w };
  });
  return (
    <>
      <circle cx="250" cy="110" r="92" fill="none" stroke="#d5ece6" strokeOpacity="0.35" strokeWidth="2" strokeDasharray="4 8" />
      <path d="M60 200 C 140 120, 200 120, 250 150 S 380 200, 440 110" fill="none" stroke="#fbbf24" strokeOpacity="0.7" strokeWidth="3" strokeLinecap="round" />
      {vertebrae.map((v) => (
        <rect key={v.y} x={v.x - v.w / 2} y={v.y - 6} width={v.w} height="11" rx="5.5" fill="#ffffff" fillOpacity="0.92" />
      ))}
      <circle cx="100" cy="60" r="6" fill="#fbbf24" fillOpacity="0.8" />
      <circle cx="410" cy="180" r="4" fill="#d5ece6" fillOpacity="0.8" />
    </>
  );
}

function PatternArt({ seed }: { seed: number }) {
  const shapes = Array.from({ length: 9 }, (_, i) => {
    const s = (seed >>> (i * 3)) & 0xff;
    return { x: 40 + ((s * 7 + i * 53) % 420), y: 30 + ((s * 3 + i * 37) % 160), r: 10 + (s % 28) };
  });
  return (
    <>
      {shapes.map((c, i) => (
        <circle key={`${c.x}-${c.y}`} cx={c.x} cy={c.y} r={c.r} fill={i % 3 === 0 ? "#fbbf24" : "#ffffff"} fillOpacity={i % 3 === 0 ? 0.55 : 0.25} />
      ))}
    </>
  );
}

export function CourseCover({ slug, className = "" }: { slug: string; className?: string }) {
  const seed = seedOf(slug);
  const gradientId = `cover-${slug}`;
  const hueShift = seed % 2 === 0 ? "#0b5e58" : "#134e4a";
  return (
    <svg aria-hidden="true" viewBox="0 0 500 220" preserveAspectRatio="xMidYMid slice" className={`block h-auto w-full ${className}`}>
      <defs>
        <linearGradient id={gradientId} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor={hueShift} />
          <stop offset="1" stopColor="#0f766e" />
        </linearGradient>
      </defs>
      <rect width="500" height="220" fill={`url(#${gradientId})`} />
      {slug === "back-care" ? <BackCareArt /> : <PatternArt seed={seed} />}
    </svg>
  );
}
