import { rgb } from "pdf-lib";

// The site's colours as the PDFs print them, so the certificate and the transcript look like one
// issuer's documents. Each renderer keeps its own ink and accents for its layout.

/** Headings, rules of emphasis, the issuer's name. */
export const NAVY = rgb(0.11, 0.2, 0.33);
/** Secondary text: labels, notes, footers. */
export const MUTED = rgb(0.4, 0.42, 0.46);
