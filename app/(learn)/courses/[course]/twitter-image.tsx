import Image from "./opengraph-image";

// The same card for Twitter/X (summary_large_image); config is repeated because Next reads it
// from each file literally.
export { generateStaticParams } from "./opengraph-image";
export const dynamic = "force-static";
export const dynamicParams = false;
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "Backbone CE course";
export default Image;
