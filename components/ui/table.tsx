import type { ReactNode } from "react";

// Every data table on the site goes through this wrapper, so none can push a phone's page sideways.
// Three ways to fit a narrow screen:
//  - "cards": below the `sm` breakpoint each row becomes a stacked card and each cell shows its
//    column name (from the cell's data-label) before its value. For tables read row by row.
//  - "scroll": the table keeps its columns and scrolls inside its own region, which is named by
//    the caption and focusable so keyboard users can scroll it. For tables compared across columns.
//  - "fit": the table stays a table at every width. Only for small tables whose columns fit a phone
//    as they are (a label and a figure or two: credit per body, attempts, a funnel). No scroll box
//    (one inside a visually hidden wrapper would still count as an unreachable scrolling region),
//    so a table that outgrew a phone would widen the page, which e2e/mobile.spec.ts reports.
// The caption is required: it names the table and, in "scroll" mode, the scrolling region.
// The wrapper is `relative` so visually hidden (absolutely positioned) text in cells is clipped by
// it; otherwise it is placed at the table's far edge, outside the scroll box, and widens the page.

type TProps = {
  /** Unique on the page; the caption's id is derived from it. */
  id: string;
  caption: ReactNode;
  /** Visually hide the caption (a heading above already says the same). */
  captionHidden?: boolean;
  layout?: "cards" | "scroll" | "fit";
  /** Minimum width of the table (a Tailwind class: "min-w-[48rem]" to scroll, "sm:min-w-[48rem]" for cards). */
  minWidthClass?: string;
  className?: string;
  tableClassName?: string;
  children: ReactNode;
};

export function Table({ id, caption, captionHidden = false, layout = "cards", minWidthClass = "", className = "", tableClassName = "", children }: TProps) {
  const captionId = `${id}-caption`;
  const table = (
    <table id={id} className={`w-full text-left text-sm ${layout === "cards" ? "ui-table-cards" : ""} ${minWidthClass} ${tableClassName}`.trim()}>
      <caption id={captionId} className={captionHidden ? "sr-only" : "px-4 pt-4 pb-2 text-left text-base font-semibold"}>
        {caption}
      </caption>
      {children}
    </table>
  );
  if (layout === "fit") return <div className={`ui-table-wrap relative ${className}`.trim()}>{table}</div>;
  // From `sm` up a card table is a table again; it may still scroll sideways inside its box there
  // (pass a "sm:min-w-[…]" class); its cells hold links and controls, so the box is reachable.
  if (layout === "cards") return <div className={`ui-table-wrap relative sm:overflow-x-auto ${className}`.trim()}>{table}</div>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be scrolled
    <section aria-labelledby={captionId} tabIndex={0} className={`ui-table-wrap relative overflow-x-auto ${className}`.trim()}>
      {table}
    </section>
  );
}
