import { headers } from "next/headers";
import { ImageResponse } from "next/og";
import { OG_SIZE, OgCard } from "@/components/og/og-card";
import { clientIp } from "@/lib/auth/request-ip";
import { canonicalCode } from "@/lib/certificates/certificate-code";
import { findCertificateForVerification } from "@/lib/certificates/find-certificate-for-verification.server";
import { checkVerifyRateLimit } from "@/lib/certificates/verify-rate-limit.server";
import { ogFontFamily, prepareOgText } from "@/lib/og/og-fonts.server";

// The verify page's Open Graph / Twitter card: holder, course and status. It must never show
// "VALID" after a revocation, so it is rendered per request from the same lookup as the page
// (findCertificateForVerification: the per-instance cache of docs/decisions/012, dropped on
// revoke and reissue) and answered with no-store, so no HTTP cache keeps an old status. PNGs are
// kept in memory keyed by everything drawn (status included): a revocation changes the key.
// Malformed codes answer 400, unknown ones 404, and lookups count against the verify rate limit.
export const dynamic = "force-dynamic";
export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "Certificate verification: holder, course and status";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

const rendered = new Map<string, ArrayBuffer>();
const MAX_RENDERED = 200;

function plain(status: number, message: string, extra: Record<string, string> = {}) {
  return new Response(message, { status, headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8", ...extra } });
}

export default async function Image({ params }: { params: Promise<{ code: string }> }) {
  const code = canonicalCode((await params).code);
  if (!code) return plain(400, "Not a certificate code.");
  const limit = await checkVerifyRateLimit(clientIp((await headers()).get("x-forwarded-for")));
  if (!limit.allowed) return plain(429, "Too many certificate lookups.", { "Retry-After": String(limit.retryAfterSeconds) });
  const c = await findCertificateForVerification(code);
  if (!c) return plain(404, "No certificate has this code.");

  const revoked = c.status === "REVOKED";
  const { text, fonts } = prepareOgText({
    name: c.trainerName,
    course: c.courseTitle,
    detail: c.creditClaimed ? `${c.credit} ${c.creditUnit} · ${c.certifyingBodyName} · issued ${c.issuedOn}` : `${c.certifyingBodyName} · issued ${c.issuedOn}`,
    code: c.code,
  });
  const key = JSON.stringify([c.status, text]);
  let png = rendered.get(key);
  if (!png) {
    const image = new ImageResponse(
      <OgCard
        fontFamily={ogFontFamily(fonts)}
        eyebrow={`Certificate ${text.code}`}
        title={text.name}
        lines={[text.course, text.detail]}
        badge={revoked ? { text: "REVOKED", tone: "revoked" } : { text: "VALID · ISSUED", tone: "valid" }}
      />,
      { ...OG_SIZE, fonts },
    );
    png = await image.arrayBuffer();
    if (rendered.size >= MAX_RENDERED) rendered.delete(rendered.keys().next().value as string);
    rendered.set(key, png);
  }
  return new Response(png, { headers: { ...NO_STORE, "Content-Type": "image/png" } });
}
