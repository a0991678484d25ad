// A path with a broken percent-escape ("/verify/BKCE-%ZZ", or bytes that are not UTF-8) makes
// Next.js throw while decoding it, before any app code runs, and answer 500 (vercel/next.js#92527).
// scripts/serve.ts refuses such paths itself with a 400 and a page a person can read.

/** True when the path's %-escapes cannot be decoded (bad hex or invalid UTF-8). */
export function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export const MALFORMED_URL_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bad address · Backbone CE</title></head>
<body>
<main>
<h1>This address is not valid</h1>
<p>Part of the address has a broken <code>%</code> code, so it cannot be read. If you typed or pasted it,
check it against the original; a certificate code looks like <code>BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG6</code>.</p>
<p><a href="/verify">Verify a certificate</a> · <a href="/">Home</a></p>
</main>
</body>
</html>
`;
