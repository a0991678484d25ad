import { createHash } from "node:crypto";
import type { TQuestion } from "@/lib/quiz/quiz-schema";

/** The content hash of one parsed question: what "changed without a new version" compares. */
export function hashQuestion(question: TQuestion): string {
  return createHash("sha256").update(JSON.stringify(question)).digest("hex");
}
