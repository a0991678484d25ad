import type { ReactNode } from "react";

// The 1200×630 Open Graph / Twitter card layout, drawn by next/og (satori: flexbox and inline
// styles only, every element with more than one child needs display:flex). Brand teal, the logo's
// stacked vertebrae, and a large spine drawing on the right as the cover art.

export const OG_SIZE = { width: 1200, height: 630 } as const;

const BRAND_900 = "#073b37";
const BRAND_700 = "#0b5e58";
const BRAND_100 = "#d5ece6";

function Vertebrae({ scale, opacity }: { scale: number; opacity: number }) {
  const widths = [13, 15, 16, 17, 16, 15, 13, 11];
  return (
    <div style={{ display: "flex", flexDirection: "column", alignItems: "center", gap: 8 * scale, opacity }}>
      {widths.map((w, i) => (
        <div
          key={i}
          style={{ width: w * 12 * scale, height: 44 * scale, borderRadius: 22 * scale, background: "#ffffff", marginLeft: Math.round(Math.sin(i / 1.6) * 40 * scale) }}
        />
      ))}
    </div>
  );
}

export function OgCard({
  fontFamily,
  eyebrow,
  title,
  lines,
  badge,
}: {
  fontFamily: string;
  eyebrow: string;
  title: string;
  lines: string[];
  badge?: { text: string; tone: "valid" | "revoked" };
}): ReactNode {
  const revoked = badge?.tone === "revoked";
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        fontFamily,
        color: "#ffffff",
        background: revoked ? "linear-gradient(135deg, #450a0a 0%, #7f1d1d 100%)" : `linear-gradient(135deg, ${BRAND_900} 0%, ${BRAND_700} 100%)`,
      }}
    >
      <div style={{ display: "flex", flexDirection: "column", justifyContent: "space-between", width: 840, padding: "64px 0 56px 72px" }}>
        <div style={{ display: "flex", alignItems: "center", gap: 20 }}>
          <div style={{ display: "flex", flexDirection: "column", alignItems: "center", justifyContent: "center", gap: 5, width: 64, height: 64, borderRadius: 16, background: "#ffffff" }}>
            <div style={{ width: 28, height: 10, borderRadius: 5, background: BRAND_700 }} />
            <div style={{ width: 32, height: 10, borderRadius: 5, background: BRAND_700 }} />
            <div style={{ width: 28, height: 10, borderRadius: 5, background: BRAND_700 }} />
          </div>
          <div style={{ fontSize: 34, fontWeight: 700, letterSpacing: -0.5 }}>Backbone CE</div>
        </div>
        <div style={{ display: "flex", flexDirection: "column", gap: 18 }}>
          <div style={{ display: "flex", fontSize: 26, fontWeight: 700, color: BRAND_100, textTransform: "uppercase", letterSpacing: 2 }}>{eyebrow}</div>
          <div style={{ display: "flex", fontSize: title.length > 48 ? 54 : 64, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1 }}>{title}</div>
          {lines.map((l) => (
            <div key={l} style={{ display: "flex", fontSize: 30, lineHeight: 1.3, color: BRAND_100 }}>
              {l}
            </div>
          ))}
        </div>
        {badge ? (
          <div style={{ display: "flex" }}>
            <div
              style={{
                display: "flex",
                padding: "10px 26px",
                borderRadius: 999,
                fontSize: 32,
                fontWeight: 700,
                letterSpacing: 1,
                background: revoked ? "#fecaca" : "#bbf7d0",
                color: revoked ? "#7f1d1d" : "#14532d",
              }}
            >
              {badge.text}
            </div>
          </div>
        ) : (
          <div style={{ display: "flex", fontSize: 26, color: BRAND_100 }}>Continuing education for certified personal trainers</div>
        )}
      </div>
      <div style={{ display: "flex", flex: 1, alignItems: "center", justifyContent: "center" }}>
        <Vertebrae scale={1} opacity={revoked ? 0.25 : 0.9} />
      </div>
    </div>
  );
}
