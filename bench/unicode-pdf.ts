import { pathToFileURL } from "node:url";
import { timeCertificatePdf } from "./certificate-pdf";

// Certificate PDF with a name outside Windows-1252 (issue 18): render time (median of 50, after a
// warm-up that loads the fonts) and file size, for a Vietnamese + Chinese name, the costliest case
// (three font files: Noto Sans Latin, Vietnamese and a Simplified Chinese chunk). No database.
// `npm run bench -- unicode-pdf`, or on its own: `npx tsx bench/unicode-pdf.ts`.

export type TUnicodePdfBench = { medianMs: number; bytes: number };

export async function benchUnicodeCertificatePdf(): Promise<TUnicodePdfBench> {
  const r = await timeCertificatePdf({ trainerName: "Nguyễn Thị Minh Khai 李小龙" });
  return { medianMs: r.medianMs, bytes: r.maxBytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const r = await benchUnicodeCertificatePdf();
  console.log(`Unicode certificate PDF: median ${r.medianMs.toFixed(1)} ms (target < 60 ms), ${r.bytes} bytes (target < 250,000)`);
}
