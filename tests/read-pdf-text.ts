import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * The text of a PDF as a reader extracts it (Mozilla's pdf.js, as in Firefox): each page's text in
 * reading order, a newline where pdf.js ends a line, pages separated by "\n\f\n". Used by tests
 * to check that what a PDF shows is exactly what was stored (fonts, ToUnicode maps, RTL order).
 */
export async function readPdfText(bytes: Uint8Array): Promise<string> {
  // pdf.js takes ownership of the buffer it is given; hand it a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += item.str;
        if (item.hasEOL) text += "\n";
      }
      pages.push(text.trimEnd());
    }
    return pages.join("\n\f\n");
  } finally {
    await pdf.destroy();
  }
}

/** The PDF's document information (title, author, subject, language) as pdf.js reports it. */
export async function readPdfInfo(bytes: Uint8Array): Promise<{ title?: string; author?: string; subject?: string; language?: string | null; pages: number }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Author?: string; Subject?: string; Language?: string } };
    return { title: info.Title, author: info.Author, subject: info.Subject, language: info.Language ?? null, pages: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}
