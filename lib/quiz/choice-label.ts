import type { TQuestion } from "./quiz-schema";

// Item analysis counts answers by a compact key ("blue", "true", "a > b > c", "desk-slump=posture");
// admins read them as the words the trainer saw. Pure, so it is table-tested.

/** The text a trainer saw for one counted answer key of `question`; the key itself when unknown. */
export function labelChoice(question: TQuestion | undefined, choice: string): string {
  if (!question) return choice;
  switch (question.type) {
    case "single":
    case "multiple":
      return question.options.find((o) => o.id === choice)?.text ?? choice;
    case "true-false":
      return choice === "true" ? "True" : choice === "false" ? "False" : choice;
    case "ordering":
      return choice
        .split(" > ")
        .map((id) => question.items.find((i) => i.id === id)?.text ?? id)
        .join(" → ");
    case "matching": {
      const [promptId, choiceId] = choice.split("=");
      const prompt = question.prompts.find((p) => p.id === promptId)?.text ?? promptId;
      const picked = question.choices.find((c) => c.id === choiceId)?.text ?? choiceId ?? "";
      return `${prompt} → ${picked}`;
    }
    case "numeric":
      return question.unit ? `${choice} ${question.unit}` : choice;
  }
}
