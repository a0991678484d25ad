import { describe, expect, test } from "vitest";
import { csvFileName, csvResponse, downloadResponse, safeFileName } from "@/lib/http/download";

describe("downloadResponse", () => {
  test("bytes: an uncached attachment with its length", async () => {
    const res = downloadResponse(new Uint8Array([1, 2, 3]), { fileName: "BKCE-1-course.pdf", contentType: "application/pdf", headers: { "X-Extra": "1" } });
    expect(Object.fromEntries(res.headers)).toEqual({
      "content-type": "application/pdf",
      "content-disposition": 'attachment; filename="BKCE-1-course.pdf"',
      "content-length": "3",
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "x-extra": "1",
    });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  test("a stream: CSV with a header row, no length", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode("a,b\r\n"));
        c.close();
      },
    });
    const res = csvResponse(stream, "backbone-ce-transcript.csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="backbone-ce-transcript.csv"');
    expect(res.headers.get("content-length")).toBeNull();
    expect(await res.text()).toBe("a,b\r\n");
  });

  test.each([
    ["plain.csv", "plain.csv"],
    ['a "b"/c\r\nd.csv', "a-b-c-d.csv"],
    ["../../etc/passwd", "..-..-etc-passwd"],
    ["", "download"],
  ])("safeFileName(%j) = %j", (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });
});

describe("csvFileName", () => {
  test("keeps safe characters and dates the file", () => {
    expect(csvFileName("trainers", new Date("2026-11-25T10:00:00Z"))).toBe("trainers-2026-11-25.csv");
    expect(csvFileName('a "b"/c\r\nd', new Date("2026-11-25T10:00:00Z"))).toBe("a-b-c-d-2026-11-25.csv");
  });
});
