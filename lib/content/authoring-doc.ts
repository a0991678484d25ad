import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { z } from "zod";
import { ZChangelogEntry, ZCourseFrontmatter, ZLessonFrontmatter } from "@/lib/content/content-schema";
import { formatCec } from "@/lib/credits/cec-amount";
import { BODY_RULES } from "@/lib/credits/certifying-bodies";
import { ZChoice, ZQuestion, ZQuizFile } from "@/lib/quiz/quiz-schema";

// The generated parts of docs/authoring.md: field tables rendered from the zod schemas, component
// props read from the components' own `I<Name>Props` interfaces, and the rule list from
// CONTENT_CHECKS. `npm run content:docs` rewrites them; a unit test fails when the file is stale,
// so a field added to a schema cannot go undocumented. Hand-written prose lives between the
// generated blocks and is never touched.

type TJsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  items?: TJsonSchema;
  properties?: Record<string, TJsonSchema>;
  additionalProperties?: TJsonSchema | boolean;
  propertyNames?: TJsonSchema;
  required?: string[];
  oneOf?: TJsonSchema[];
  anyOf?: TJsonSchema[];
};

// What each field means, for fields whose schema carries no `.describe()`. A field missing here
// still gets its row (name, type, limits); only the meaning column says to ask.
const MEANING: Record<string, string> = {
  "course.title": "Shown in the catalog, on certificates and transcripts.",
  "course.summary": "One or two sentences for the catalog card and the course page.",
  "course.version": "The course version (see *Versioning*). Certificates record the version completed.",
  "course.order": "Position in the catalog, lowest first.",
  "course.contactHours": "Must equal the lessons' `minutes` added up, divided by 60 (see *Hours and credit*).",
  "course.objectives": "What a trainer can do after the course; shown on the course page.",
  "course.credits":
    "Credit a certifying body approved for this course, per body: `NFPT: { cec: 0.4, courseNumber: \"NFPT-2026-01\" }`. Bodies left out follow the contact-hour rule.",
  "course.status": "`active`, or `retired` to withdraw the course (see *Course lifecycle*).",
  "course.changelog": "What changed in each version, newest first; shown to trainers who completed an earlier version.",
  "changelog.version": "The course version this entry describes.",
  "changelog.changes": "One line per change, in words a trainer understands.",
  "lesson.title": "The lesson heading and its name in the course outline.",
  "lesson.summary": "One or two sentences under the title.",
  "lesson.minutes": "Reading time in minutes; the lessons' minutes make up the course's contact hours.",
  "lesson.objectives": "What the trainer can do after this lesson.",
  "quiz.title": "Shown on the assessment page.",
  "quiz.kind": "`final` (the assessment that earns credit, at most one per course) or `lesson-check` (practice, no credit).",
  "quiz.lesson": "For a `lesson-check` only: the lesson it belongs to (the lesson's file name without `NN-` and `.mdx`).",
  "quiz.passMark": "Percentage needed to pass.",
  "quiz.draw": "How many questions each attempt draws from the pool (default: all of them).",
  "quiz.timeLimitMinutes": "Time limit per attempt; `null` for none.",
  "quiz.maxAttempts": "Graded attempts allowed; `null` for no limit.",
  "quiz.cooldownMinutes": "Wait between graded attempts.",
  "quiz.estimatedMinutes": "How long the assessment usually takes, shown to trainers.",
  "quiz.questions": "The question pool (see *Question types*).",
  "question.id": "Stable, unique across every course (a database key). Never reuse an id for a different question.",
  "question.version": "Raise by 1 whenever anything in the question changes (see *Versioning*).",
  "question.lesson": "The lesson the question tests: the lesson file name without `NN-` and `.mdx` (`02-trunk-muscles.mdx` → `trunk-muscles`).",
  "question.prompt": "The question as the trainer reads it.",
  "question.explanation": "Shown after grading: why the answer is right.",
  "question.type": "The question type (the table's title).",
  "question.options": "The choices, each `{ \"id\": \"…\", \"text\": \"…\" }`; shuffled per attempt.",
  "question.answer": "The answer key (never sent to the browser before grading).",
  "question.scoring": "`all-or-nothing` (every right option and no wrong one) or `partial` (share of right picks, less wrong ones).",
  "question.items": "The items to put in order, each `{ \"id\", \"text\" }`; shown shuffled.",
  "question.prompts": "The left-hand column, each `{ \"id\", \"text\" }`.",
  "question.choices": "The right-hand column, each `{ \"id\", \"text\" }`; may hold more entries than `prompts` (distractors).",
  "question.tolerance": "Accepted distance from `answer` (0: exact).",
  "question.unit": "Shown after the input box, e.g. `reps`.",
  "choice.id": "kebab-case, unique within the list.",
  "choice.text": "What the trainer sees.",
};

const ANSWER_SHAPE: Record<string, string> = {
  single: "the `id` of the right option",
  multiple: "array of the right options' `id`s",
  "true-false": "`true` or `false`",
  ordering: "every item `id`, in the right order",
  matching: "object mapping each prompt `id` to its choice `id`",
  numeric: "a number",
};

function toJson(schema: z.ZodType): TJsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as TJsonSchema;
}

function code(value: unknown): string {
  return `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;
}

function typeOf(s: TJsonSchema): string {
  if (s.const !== undefined) return code(s.const);
  if (s.enum) return s.enum.map(code).join(" \\| ");
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.includes("array") && s.items) return `array of ${typeOf(s.items).replace(/^object$/, "objects")}`;
  if (types.includes("object") && s.propertyNames?.enum) return `object keyed by ${s.propertyNames.enum.map(code).join(" \\| ")}`;
  if (s.anyOf || s.oneOf) return (s.anyOf ?? s.oneOf)!.map(typeOf).join(" \\| ");
  return types.join(" \\| ") || "any";
}

function limitsOf(s: TJsonSchema): string {
  const parts: string[] = [];
  const big = (n: number) => Math.abs(n) >= Number.MAX_SAFE_INTEGER;
  if (s.minLength !== undefined || s.maxLength !== undefined) parts.push(`${s.minLength ?? 0}–${s.maxLength ?? "∞"} characters`);
  if (s.minItems !== undefined || s.maxItems !== undefined) parts.push(`${s.minItems ?? 0}–${s.maxItems ?? "∞"} entries`);
  if (s.exclusiveMinimum !== undefined) parts.push(`> ${s.exclusiveMinimum}`);
  if (s.minimum !== undefined && !big(s.minimum)) parts.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined && !big(s.maximum)) parts.push(`≤ ${s.maximum}`);
  if (s.pattern === "^[a-z0-9]+(?:-[a-z0-9]+)*$") parts.push("kebab-case");
  else if (s.pattern === "^\\d+\\.\\d+(\\.\\d+)?$") parts.push("like `1.2.0`");
  else if (s.pattern) parts.push(`matches ${code(s.pattern)}`);
  if (s.items && (s.items.minLength !== undefined || s.items.maxLength !== undefined)) parts.push(`each ${limitsOf(s.items)}`);
  return parts.join(", ");
}

function fieldTable(scope: string, schema: TJsonSchema): string {
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).map(([name, s]) => {
    const need = required.has(name) ? "yes" : s.default !== undefined ? `no (default ${code(s.default)})` : "no";
    const meaning = s.description ?? MEANING[`${scope}.${name}`] ?? "(not described yet: see the schema)";
    return `| \`${name}\` | ${typeOf(s)} | ${need} | ${limitsOf(s) || ""} | ${meaning} |`;
  });
  return ["| field | type | required | limits | meaning |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

function questionVariants(): TJsonSchema[] {
  const union = toJson(ZQuestion);
  return union.oneOf ?? union.anyOf ?? [];
}

// Fields every question type has (later additions appear here on their own); `answer` differs
// in shape per type, so it is listed with each type.
function sharedQuestionFields(variants: TJsonSchema[]): string[] {
  const first = variants[0]?.properties ?? {};
  return Object.keys(first).filter((name) => name !== "answer" && variants.every((v) => v.properties?.[name]));
}

function questionTables(): string {
  const variants = questionVariants();
  const shared = new Set(sharedQuestionFields(variants));
  return variants
    .map((variant) => {
      const type = String(variant.properties?.type?.const);
      const own: TJsonSchema = {
        properties: Object.fromEntries(Object.entries(variant.properties ?? {}).filter(([name]) => !shared.has(name))),
        required: variant.required,
      };
      return [`#### \`${type}\``, "", `\`answer\`: ${ANSWER_SHAPE[type] ?? "see the schema"}.`, "", fieldTable("question", own)].join("\n");
    })
    .join("\n\n");
}

function commonQuestionTable(): string {
  const variants = questionVariants();
  const first = variants[0] ?? {};
  const shared = sharedQuestionFields(variants);
  const properties = Object.fromEntries(shared.map((name) => [name, first.properties![name]]));
  properties.type = { enum: variants.map((v) => v.properties?.type?.const) };
  return fieldTable("question", { properties, required: first.required });
}

type TProp = { name: string; type: string; optional: boolean; doc: string };

/** The members of `export interface I<Component>Props` in components/mdx, read with the TypeScript parser. */
function readComponentProps(dir: string): Map<string, TProp[]> {
  const found = new Map<string, TProp[]>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".tsx"))) {
    const file = path.join(dir, name);
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    // `type TCalloutType = "note" | "tip"` is shown as its values, not its name.
    const aliases = new Map<string, string>();
    source.forEachChild((node) => {
      if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type.getText(source).replace(/\s+/g, " "));
    });
    source.forEachChild((node) => {
      if (!ts.isInterfaceDeclaration(node)) return;
      const m = /^I([A-Z]\w*)Props$/.exec(node.name.text);
      if (!m) return;
      const props = node.members.filter(ts.isPropertySignature).map((member) => ({
        name: member.name.getText(source),
        type: ((t) => aliases.get(t) ?? t)(member.type?.getText(source).replace(/\s+/g, " ") ?? "unknown"),
        optional: !!member.questionToken,
        doc: ts
          .getJSDocCommentsAndTags(member)
          .map((d) => (typeof d.comment === "string" ? d.comment : ""))
          .join(" ")
          .trim(),
      }));
      found.set(m[1], props);
    });
  }
  return found;
}

function componentsSection(components: readonly string[], componentDir: string): string {
  const props = readComponentProps(componentDir);
  return components
    .map((name) => {
      const list = (props.get(name) ?? []).filter((p) => p.name !== "id" && p.name !== "className");
      const rows = list.map((p) => `\`${p.name}${p.optional ? "?" : ""}\`: \`${p.type}\`${p.doc ? ` (${p.doc})` : ""}`);
      return `- **\`<${name}>\`**: ${rows.length ? rows.join("; ") : "no props"}`;
    })
    .join("\n");
}

export type TGeneratedInputs = { components: readonly string[]; componentDir: string; rules: { rule: string; description: string }[] };

/** Every generated block of docs/authoring.md, by marker name. */
export function renderGeneratedSections({ components, componentDir, rules }: TGeneratedInputs): Record<string, string> {
  const loaderRules = [
    { rule: "course-folder", description: "the folder name is kebab-case and holds a course.mdx" },
    { rule: "frontmatter", description: "course and lesson frontmatter match the tables above (the line of the offending key is named)" },
    { rule: "lesson-file", description: "lessons are `lessons/NN-slug.mdx` with unique slugs, at least one per course" },
    { rule: "json", description: "quiz files are valid JSON (line and column of the first error)" },
    { rule: "quiz-schema", description: "quiz files match the tables above; problems name the question id and the field's line" },
    { rule: "question-lesson", description: "every question's `lesson` names a lesson of its course" },
    { rule: "contact-hours", description: "`contactHours` equals the lessons' minutes / 60" },
  ];
  return {
    "course-fields": fieldTable("course", toJson(ZCourseFrontmatter)),
    "changelog-fields": fieldTable("changelog", toJson(ZChangelogEntry)),
    "lesson-fields": fieldTable("lesson", toJson(ZLessonFrontmatter)),
    "quiz-fields": fieldTable("quiz", toJson(ZQuizFile)),
    "question-fields": commonQuestionTable(),
    "choice-fields": fieldTable("choice", toJson(ZChoice)),
    "question-types": questionTables(),
    components: componentsSection(components, componentDir),
    "credit-rules": [
      "| body | unit | credit per contact hour | e.g. a 1.5-hour course |",
      "| --- | --- | --- | --- |",
      ...Object.entries(BODY_RULES).map(([body, rule]) => {
        const product = 90 * rule.perContactHourHundredths;
        return `| ${body} | ${rule.unit} | ${formatCec(rule.perContactHourHundredths)} | ${formatCec((product - (product % 60)) / 60)} |`;
      }),
    ].join("\n"),
    rules: ["| rule | what it checks |", "| --- | --- |", ...[...loaderRules, ...rules].map((r) => `| \`${r.rule}\` | ${r.description} |`)].join("\n"),
  };
}

const BLOCK = /(<!-- generated:([a-z-]+) -->\n)(?:[\s\S]*?\n)?(<!-- \/generated:\2 -->)/g;

/** The document with every generated block replaced; throws when a block has no renderer. */
export function applyGeneratedSections(doc: string, sections: Record<string, string>): string {
  return doc.replace(BLOCK, (_all, open: string, name: string, close: string) => {
    if (!(name in sections)) throw new Error(`docs/authoring.md has a generated block "${name}" that nothing renders`);
    return `${open}${sections[name]}\n${close}`;
  });
}
