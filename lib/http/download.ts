// Every file the site hands out (CSV exports, certificate PDFs and credentials, the ZIP, the
// transcript, the CPR/AED card) goes through downloadResponse, so each one is an attachment with a
// safe name, is never cached by a shared cache (they are personal or admin-only), and is never
// sniffed into something a browser would run.

export type TDownloadBody = Uint8Array | string | ReadableStream<Uint8Array>;

/** A name safe inside Content-Disposition's quotes: letters, digits, dot, dash, underscore. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "download";
}

/** "trainers" → "trainers-2026-11-25.csv": an export named after what it holds and the day it was made. */
export function csvFileName(base: string, now: Date = new Date()): string {
  return `${safeFileName(base)}-${now.toISOString().slice(0, 10)}.csv`;
}

export function downloadResponse(body: TDownloadBody, options: { fileName: string; contentType: string; headers?: Record<string, string> }): Response {
  const headers: Record<string, string> = {
    "Content-Type": options.contentType,
    "Content-Disposition": `attachment; filename="${safeFileName(options.fileName)}"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    ...options.headers,
  };
  if (body instanceof Uint8Array) {
    headers["Content-Length"] = String(body.byteLength);
    return new Response(Buffer.from(body), { headers });
  }
  return new Response(body, { headers });
}

/** A CSV download (RFC 4180 with a header row, lib/csv.ts); name it with csvFileName for a dated one. */
export function csvResponse(body: TDownloadBody, fileName: string): Response {
  return downloadResponse(body, { fileName, contentType: "text/csv; charset=utf-8; header=present" });
}
