import { ZSlug } from "./content-schema";

// `npm run content:new -- <slug>`: a course that passes content:check as it stands, so an author
// starts from something valid and replaces its text (docs/authoring.md explains every field).

const FIGURE = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 120" role="img">
  <rect x="10" y="30" width="90" height="60" rx="8" fill="#e0f2f1" stroke="#0f766e" stroke-width="2"/>
  <text x="55" y="65" text-anchor="middle" font-family="sans-serif" font-size="14" fill="#134e4a">Read</text>
  <path d="M105 60h30" stroke="#0f766e" stroke-width="2" marker-end="url(#a)"/>
  <rect x="140" y="30" width="90" height="60" rx="8" fill="#e0f2f1" stroke="#0f766e" stroke-width="2"/>
  <text x="185" y="65" text-anchor="middle" font-family="sans-serif" font-size="14" fill="#134e4a">Practise</text>
  <path d="M235 60h30" stroke="#0f766e" stroke-width="2" marker-end="url(#a)"/>
  <circle cx="290" cy="60" r="22" fill="#0f766e"/>
  <text x="290" y="65" text-anchor="middle" font-family="sans-serif" font-size="13" fill="#fff">Pass</text>
  <defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0 0l10 5-10 5z" fill="#0f766e"/></marker></defs>
</svg>
`;

function titleOf(slug: string): string {
  const words = slug.split("-").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The files of a new course, by path relative to the course folder. */
export function scaffoldCourse(slug: string, title = titleOf(slug)): Record<string, string> {
  const parsed = ZSlug.safeParse(slug);
  if (!parsed.success) throw new Error(`course slug "${slug}" ${parsed.error.issues[0]?.message}`);
  const quoted = JSON.stringify(title);
  const today = new Date().toISOString().slice(0, 10);
  return {
    "course.mdx": `---
title: ${quoted}
summary: "Replace this with one or two sentences on what the course teaches and who it is for."
version: "1.0.0"
order: 50
# The lessons' minutes added up, divided by 60.
contactHours: 0.05
objectives:
  - "Replace this with something a trainer can do after the course."
# Who provides the course and which body approved it for how much credit (docs/authoring.md).
# Without an "approved" entry for a body, trainers of that body see the contact hours and no figure.
provider:
  name: "Replace with your organization's name"
approvals:
  NFPT:
    status: not-submitted
authors:
  - name: "Replace with the author's name"
    credentials: "Replace with the author's credentials"
published: "${today}"
lastReviewed: "${today}"
audience: "Replace with who the course is for, e.g. certified personal trainers"
level: introductory
disclaimer: "Replace with the course's limits: continuing education for fitness professionals, not medical advice."
changelog:
  - version: "1.0.0"
    changes: ["First release."]
---

Replace this introduction: who the course is for, what it covers, and how long it takes. See
docs/authoring.md for every field, component and rule.
`,
    "lessons/01-getting-started.mdx": `---
title: "Getting Started"
summary: "Replace this with one or two sentences on what this lesson covers."
# The learning time this lesson holds; content:check refuses more than 20 % above its estimate
# (words at 200 a minute, figures, <Activity> minutes, quiz items). Raise it as the lesson grows.
minutes: 3
objectives:
  - "Replace this with something a trainer can do after this lesson."
---

## What this lesson covers

Write the lesson here in plain markdown. Keep paragraphs short and speak to the trainer directly.
Every lesson needs at least one figure or diagram and ends with key takeaways; \`npm run content:check\`
tells you, with the file and line, when something is missing or when the minutes above outgrow the text.

<Callout type="tip" title="A tip for your clients">Callouts hold a short aside: a tip, a note, a caution or a scope-of-practice reminder.</Callout>

<Figure caption="Each lesson moves from reading to practice, and the course ends with an assessment">
  ![Three steps from left to right: read, practice, pass](images/course-path.svg)
</Figure>

## Putting it to work

Finish with what the trainer should do differently on Monday morning.

<KeyTakeaways>
- Replace these with the two or three points a trainer should remember.
</KeyTakeaways>
`,
    "quizzes/final.json": `${JSON.stringify(
      {
        title: `${title}: final assessment`,
        kind: "final",
        passMark: 80,
        timeLimitMinutes: null,
        maxAttempts: null,
        cooldownMinutes: 0,
        questions: [
          {
            id: `${slug}-path`,
            version: 1,
            lesson: "getting-started",
            // The lesson objective(s) this question tests, numbered as in the lesson's frontmatter.
            objectives: [1],
            type: "single",
            prompt: "Replace this question. What comes after reading a lesson in this course?",
            options: [
              { id: "practice", text: "Putting it into practice" },
              { id: "nothing", text: "Nothing at all" },
            ],
            answer: "practice",
            explanation: "Replace this explanation: say why the right answer is right.",
          },
        ],
      },
      null,
      2,
    )}\n`,
    "images/course-path.svg": FIGURE,
  };
}
