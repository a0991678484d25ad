import { buttonClass } from "@/components/ui";

const buttonSecondary = buttonClass({ variant: "secondary" });

/** The trainer's own transcript as a PDF and ledger as a CSV (dashboard and transcript pages). */
export function TranscriptDownloads() {
  return (
    <>
      <a href="/api/credits/transcript.pdf" download className={buttonSecondary}>
        Download PDF<span className="sr-only"> transcript</span>
      </a>
      <a href="/api/credits/export.csv" download className={buttonSecondary}>
        Export CSV<span className="sr-only"> of your credit ledger</span>
      </a>
    </>
  );
}
