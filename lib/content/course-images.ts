import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Author figures (docs/authoring.md, decision 010): image files in the course's own images/
// folder, written in lessons as markdown images `![alt text](images/file.svg)`. They are inlined
// into the prerendered lesson as data URIs, so they are served with the course (same cache, same
// CDN, no extra route) and an SVG shown through <img> can never run script.

const IMAGE_TYPES = { svg: "image/svg+xml", png: "image/png", webp: "image/webp" } as const;
/** Inlined into the lesson HTML, so kept small: a diagram, not a photograph. */
const IMAGE_MAX_BYTES = 150 * 1024;
const IMAGE_REF = /^(?:\.{1,2}\/)?images\/([a-z0-9][a-z0-9-]*\.([a-z]+))$/;

/** The file name an image reference points at inside images/, or null for any other URL. */
function parseImageRef(src: string): { file: string; ext: string } | null {
  const m = IMAGE_REF.exec(src);
  return m ? { file: m[1], ext: m[2] } : null;
}

/** Why an image reference cannot be used, or null when it is fine. */
export function imageProblem(courseDir: string, src: string): string | null {
  const ref = parseImageRef(src);
  if (!ref) return `image "${src}" must be a file in the course's images/ folder, written as images/<name>.svg|png|webp (lowercase, hyphens)`;
  if (!(ref.ext in IMAGE_TYPES)) return `image "${src}" is .${ref.ext}; use .svg, .png or .webp`;
  const full = path.join(courseDir, "images", ref.file);
  if (!existsSync(full)) return `image "${src}" does not exist (looked for ${full})`;
  const size = statSync(full).size;
  if (size > IMAGE_MAX_BYTES) return `image "${src}" is ${Math.ceil(size / 1024)} KB; the limit is ${IMAGE_MAX_BYTES / 1024} KB`;
  if (ref.ext === "svg" && !/<svg[\s>]/.test(readFileSync(full, "utf8").slice(0, 2_000))) return `image "${src}" is not an SVG file`;
  return null;
}

/** The data URI of a checked image; throws (failing the build loudly) when it is unusable. */
export function imageDataUri(courseDir: string, src: string): string {
  const problem = imageProblem(courseDir, src);
  if (problem) throw new Error(problem);
  const ref = parseImageRef(src)!;
  const bytes = readFileSync(path.join(courseDir, "images", ref.file));
  return `data:${IMAGE_TYPES[ref.ext as keyof typeof IMAGE_TYPES]};base64,${bytes.toString("base64")}`;
}
