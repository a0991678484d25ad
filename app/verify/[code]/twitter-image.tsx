import Image from "./opengraph-image";

// The same card for Twitter/X (summary_large_image); config is repeated because Next reads it
// from each file literally.
export const dynamic = "force-dynamic";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "Certificate verification: holder, course and status";
export default Image;
