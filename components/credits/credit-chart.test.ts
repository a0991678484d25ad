import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { CreditChart } from "@/components/credits/credit-chart";

describe("CreditChart", () => {
  test("an accessible SVG (role img, labelled by its title and description) plus a data table", () => {
    const html = renderToStaticMarkup(
      createElement(CreditChart, {
        points: [
          { date: "2025-01-10", cumulativeHundredths: 40 },
          { date: "2025-02-03", cumulativeHundredths: 20 },
        ],
        endDate: "2025-03-01",
        unit: "CEC",
        id: "c",
      }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="c-wide-title c-wide-desc"');
    expect(html).toContain('aria-labelledby="c-narrow-title c-narrow-desc"');
    expect(html).toMatch(/<title id="c-wide-title">Credits over time<\/title>/);
    expect(html).toMatch(/<desc id="c-narrow-desc">Running total of CEC from January 10, 2025 to March 1, 2025: 2 days with credit entries, now 0.20 CEC\./);
    // The visually hidden wrapper holds the kit's Table (a table ignores width: 1px itself).
    expect(html).toMatch(/<div class="sr-only"><div class="ui-table-wrap[^"]*"><table id="c-table"[^>]*><caption id="c-table-caption"[^>]*>Credits over time: running total/);
    expect(html).toContain('<th scope="row">Jan 10, 2025</th><td>0.40</td>');
    expect(html).toContain('<th scope="row">Feb 3, 2025</th><td>0.20</td>');
    // wide (sm and up) and narrow (phones) layouts, one shown at a time
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toMatch(/<svg [^>]*class="[^"]*hidden sm:block/);
    expect(html).toMatch(/<svg [^>]*class="[^"]*sm:hidden/);
    expect(html.match(/<circle /g)).toHaveLength(4);
  });

  test("an empty series is a friendly note, not an empty chart", () => {
    const html = renderToStaticMarkup(createElement(CreditChart, { points: [], endDate: "2025-03-01", unit: "CEC" }));
    expect(html).not.toContain("<svg");
    expect(html).toContain("once you earn credit");
  });
});
