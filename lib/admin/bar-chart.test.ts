import { describe, expect, test } from "vitest";
import { buildBarChart } from "./bar-chart";

describe("buildBarChart", () => {
  const labels = ["W1", "W2", "W3", "W4"];

  test("bars sit on the baseline and the tallest reaches a nice maximum", () => {
    const chart = buildBarChart({ labels, series: [{ key: "n", label: "N", values: [0, 5, 10, 7] }] });
    expect(chart.bars).toHaveLength(4);
    for (const bar of chart.bars) {
      const [segment] = bar.segments;
      expect(segment.y + segment.height).toBeCloseTo(chart.plot.bottom, 0);
    }
    expect(chart.bars[0].segments[0].height).toBe(0);
    expect(chart.yTicks.at(-1)?.label).toBe("10");
    expect(chart.bars[2].segments[0].y).toBeCloseTo(chart.plot.top, 0);
  });

  test("stacked series add up, the second on top of the first", () => {
    const chart = buildBarChart({
      labels,
      series: [
        { key: "passed", label: "Passed", values: [1, 2, 3, 4] },
        { key: "failed", label: "Not passed", values: [1, 1, 1, 1] },
      ],
    });
    const bar = chart.bars[3];
    expect(bar.total).toBe(5);
    const [passed, failed] = bar.segments;
    expect(failed.y + failed.height).toBeCloseTo(passed.y, 0);
  });

  test("all zero still draws an axis", () => {
    const chart = buildBarChart({ labels, series: [{ key: "n", label: "N", values: [0, 0, 0, 0] }] });
    expect(chart.yTicks.length).toBeGreaterThanOrEqual(2);
    expect(chart.bars.every((b) => b.segments[0].height === 0)).toBe(true);
  });

  test("x labels thin out but keep the latest week", () => {
    const many = Array.from({ length: 12 }, (_, i) => `W${i + 1}`);
    const chart = buildBarChart({ labels: many, series: [{ key: "n", label: "N", values: many.map(() => 1) }], maxXLabels: 4 });
    expect(chart.xTicks.length).toBeLessThanOrEqual(4);
    expect(chart.xTicks.at(-1)?.label).toBe("W12");
  });

  test("values are formatted on the axis", () => {
    const chart = buildBarChart({ labels, series: [{ key: "n", label: "N", values: [40, 80, 0, 0] }], formatValue: (v) => (v / 100).toFixed(2) });
    expect(chart.yTicks.map((t) => t.label)).toContain("0.00");
  });
});
