import "server-only";
import { bundleMDX } from "mdx-bundler";
import { cache } from "react";
import { slugifyHeading } from "./lesson-sections";
import { imageDataUri } from "./course-images";

// Lessons are compiled once, at build time, while their pages are prerendered (the pages are
// static). React's cache() dedupes the compile within one render; nothing compiles per request.

type THeading = { id: string; text: string; depth: 2 | 3 };
export type TCompiledLesson = { code: string; headings: THeading[] };

type THastNode = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: THastNode[] };

function textOf(node: THastNode): string {
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

// A tiny rehype plugin: gives h2/h3 stable ids and collects them for the table of contents.
function rehypeHeadings(headings: THeading[]) {
  return () => (tree: THastNode) => {
    const used = new Map<string, number>();
    const visit = (node: THastNode) => {
      if (node.type === "element" && (node.tagName === "h2" || node.tagName === "h3")) {
        const text = textOf(node).trim();
        const base = slugifyHeading(text);
        const n = used.get(base) ?? 0;
        used.set(base, n + 1);
        const id = n ? `${base}-${n + 1}` : base;
        node.properties = { ...node.properties, id };
        headings.push({ id, text, depth: node.tagName === "h2" ? 2 : 3 });
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

// Markdown images of the course's images/ folder become data URIs (lib/content/course-images.ts).
function rehypeCourseImages(courseDir: string | undefined) {
  return () => (tree: THastNode) => {
    const visit = (node: THastNode) => {
      if (node.type === "element" && node.tagName === "img" && typeof node.properties?.src === "string") {
        if (!courseDir) throw new Error(`image "${node.properties.src}" outside a course`);
        node.properties = { ...node.properties, src: imageDataUri(courseDir, node.properties.src), loading: "lazy", decoding: "async" };
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

export async function compileMdx(source: string, options: { courseDir?: string } = {}): Promise<TCompiledLesson> {
  const headings: THeading[] = [];
  const result = await bundleMDX({
    source,
    mdxOptions(mdx) {
      mdx.rehypePlugins = [...(mdx.rehypePlugins ?? []), rehypeHeadings(headings), rehypeCourseImages(options.courseDir)];
      return mdx;
    },
    // Errors are thrown to the caller (content:check names the file); esbuild need not print them too.
    esbuildOptions: (esbuild) => ({ ...esbuild, logLevel: "silent" }),
  });
  return { code: result.code, headings };
}

export const compileLesson = cache(async (_key: string, source: string, courseDir?: string) => compileMdx(source, { courseDir }));
