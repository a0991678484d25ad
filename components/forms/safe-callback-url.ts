// Where to go after signing in. Only a path on this site is accepted: an absolute or
// protocol-relative URL in ?callbackUrl= would turn the sign-in page into an open redirect.
export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x20 || s.charCodeAt(i) === 0x7f) return true;
  return false;
}

export function safeCallbackUrl(raw: string | null | undefined, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (!raw || raw.length > 2000) return fallback;
  // "/\evil.com" is treated as "//evil.com" by browsers; control characters can hide either.
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\") || hasControlCharacter(raw)) return fallback;
  try {
    const url = new URL(raw, "http://backbone.invalid");
    if (url.origin !== "http://backbone.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
