import "server-only";
import { type TCsvValue, toCsvRow } from "@/lib/csv";

// Streams a table as CSV a page at a time: the header first, then each page of rows fetched only
// when the client has read the previous one (pull-based, so a slow download never piles rows up
// in memory), each page continuing after the last row of the one before (keyset pagination, so
// page 500 costs what page 1 does and rows added meanwhile never shift what comes next).

const CSV_PAGE_SIZE = 1_000;

export type TCsvSource<TRow, TCursor> = {
  header: readonly string[];
  /** Rows after `cursor` (null: from the start), at most `limit`, in a stable order. */
  fetchPage: (cursor: TCursor | null, limit: number) => Promise<TRow[]>;
  /** Where the next page starts: the sort key of the last row. */
  cursorOf: (row: TRow) => TCursor;
  toCells: (row: TRow) => readonly TCsvValue[];
  pageSize?: number;
};

export function streamCsv<TRow, TCursor>({ header, fetchPage, cursorOf, toCells, pageSize = CSV_PAGE_SIZE }: TCsvSource<TRow, TCursor>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: TCursor | null = null;
  let headerSent = false;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(toCsvRow(header)));
          return;
        }
        const rows = await fetchPage(cursor, pageSize);
        if (cancelled) return;
        if (rows.length > 0) {
          controller.enqueue(encoder.encode(rows.map((row) => toCsvRow(toCells(row))).join("")));
          cursor = cursorOf(rows[rows.length - 1]);
        }
        if (rows.length < pageSize) controller.close();
      },
      cancel() {
        cancelled = true;
      },
    },
    // One page queued ahead is enough: the next query waits until the client has read it.
    { highWaterMark: 1 },
  );
}
