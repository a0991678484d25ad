import { afterEach, describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, readBodyText } from "@/lib/http/route.server";

// The request-level guards of defineRoute, on plain Request objects.

function chunkedBody(totalBytes: number, chunkBytes = 64 * 1024) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const n = Math.min(chunkBytes, totalBytes - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
  return { stream, sent: () => sent };
}

describe("readBodyText", () => {
  test("a 10 MB body without Content-Length is cut at the limit, not buffered whole", async () => {
    const body = chunkedBody(10 * 1024 * 1024);
    const req = new Request("http://localhost/api/x", { method: "POST", body: body.stream, duplex: "half" } as RequestInit);
    const error = await readBodyText(req, 64 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("PAYLOAD_TOO_LARGE");
    // Read up to the limit plus at most a chunk or two of read-ahead, never the 10 MB.
    expect(body.sent()).toBeLessThan(512 * 1024);
  });

  test("a declared Content-Length over the limit is refused before reading", async () => {
    const req = new Request("http://localhost/api/x", { method: "POST", body: "x".repeat(10), headers: { "content-length": String(10 * 1024 * 1024) } });
    await expect(readBodyText(req, 1024)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  test("a body within the limit is read whole, multi-byte characters across chunks intact", async () => {
    const text = "Zoë Müller ".repeat(500);
    const req = new Request("http://localhost/api/x", { method: "POST", body: text });
    expect(await readBodyText(req, 64 * 1024)).toBe(text);
  });
});

describe("assertSameOrigin and X-Forwarded-Host", () => {
  const original = process.env.TRUSTED_PROXY_HOPS;
  afterEach(() => {
    if (original === undefined) delete process.env.TRUSTED_PROXY_HOPS;
    else process.env.TRUSTED_PROXY_HOPS = original;
  });
  const write = (headers: Record<string, string>) => new Request("http://app.internal/api/x", { method: "POST", headers });

  test("without trusted proxies a forged X-Forwarded-Host does not make a foreign origin same-site", () => {
    delete process.env.TRUSTED_PROXY_HOPS;
    const req = write({ host: "app.internal", origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    expect(() => assertSameOrigin(req)).toThrow(/Cross-site/);
    expect(() => assertSameOrigin(write({ host: "app.internal", origin: "http://app.internal" }))).not.toThrow();
  });

  test("behind a trusted proxy the forwarded host is the site's", () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    expect(() => assertSameOrigin(write({ host: "10.0.0.5:3000", origin: "https://ce.example.com", "x-forwarded-host": "ce.example.com" }))).not.toThrow();
    expect(() => assertSameOrigin(write({ host: "10.0.0.5:3000", origin: "https://evil.example", "x-forwarded-host": "ce.example.com" }))).toThrow(/Cross-site/);
  });
});
