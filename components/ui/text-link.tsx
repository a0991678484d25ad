import Link from "next/link";
import type { ComponentProps } from "react";

// One look for links in running text and tables (it had been copied into a dozen pages and drifted
// in its hover and offset). `linkClass` is for the few places that are not a next/link: a plain
// <a download>, a <summary>, a button that reads as a link.

export const linkClass = "font-medium text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-100";

/** A next/link styled as a text link; `className` adds layout (margins, font size), never colour. */
export function TextLink({ className = "", ...rest }: ComponentProps<typeof Link>) {
  return <Link className={`${linkClass} ${className}`.trim()} {...rest} />;
}
