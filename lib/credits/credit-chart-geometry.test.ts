import { describe, expect, test } from "vitest";
import { buildCreditChart, cycleSeries, niceStep } from "@/lib/credits/credit-chart-geometry";

describe("niceStep", () => {
  test.each([
    [1, 1],
    [5, 1],
    [6, 2],
    [40, 10],
    [200, 50],
    [240, 50],
    [260, 100],
    [1_000, 200],
    [1_100, 500],
    [12_000, 5_000],
  ])("span %i → step %i", (span, step) => {
    expect(niceStep(span)).toBe(step);
  });
});

describe("buildCreditChart", () => {
  test("nothing to draw", () => {
    expect(buildCreditChart([], { endDate: "2025-01-01" })).toBeNull();
  });

  test("a step line from zero through every point, flat to today", () => {
    const chart = buildCreditChart(
      [
        { date: "2025-01-01", cumulativeHundredths: 40 },
        { date: "2025-03-01", cumulativeHundredths: 120 },
        { date: "2025-06-01", cumulativeHundredths: 100 },
      ],
      { endDate: "2025-12-31", width: 640, height: 260 },
    )!;
    expect(chart.points.map((p) => p.date)).toEqual(["2025-01-01", "2025-03-01", "2025-06-01"]);
    // x grows with the date, y grows upward (smaller numbers) with the total
    expect(chart.points[0].x).toBeLessThan(chart.points[1].x);
    expect(chart.points[1].y).toBeLessThan(chart.points[0].y);
    expect(chart.points[2].y).toBeGreaterThan(chart.points[1].y);
    expect(chart.linePath.startsWith(`M${chart.plot.left},${chart.plot.bottom}`)).toBe(true);
    expect(chart.linePath.endsWith(` H${chart.plot.right}`)).toBe(true);
    expect(chart.areaPath).toBe(`${chart.linePath} V${chart.plot.bottom} Z`);
    expect(chart.endDate).toBe("2025-12-31");
    expect(chart.startDate < "2025-01-01").toBe(true);
    // y axis from 0 to a nice value above the highest total
    expect(chart.yTicks[0]).toEqual({ position: chart.plot.bottom, label: "0.00" });
    expect(chart.yTicks.at(-1)).toEqual({ position: chart.plot.top, label: "1.50" });
    expect(chart.xTicks).toHaveLength(5);
    expect(chart.xTicks[0].label).toMatch(/^Dec 2024$/);
    for (const point of chart.points) {
      expect(point.x).toBeGreaterThanOrEqual(chart.plot.left);
      expect(point.x).toBeLessThanOrEqual(chart.plot.right);
    }
  });

  test("a single entry today still spans two weeks", () => {
    const chart = buildCreditChart([{ date: "2025-05-10", cumulativeHundredths: 20 }], { endDate: "2025-05-10" })!;
    expect(chart.startDate).toBe("2025-04-26");
    expect(chart.points[0].x).toBe(chart.plot.right);
    expect(chart.xTicks.map((t) => t.label)).toEqual(["Apr 26", "Apr 30", "May 3", "May 7", "May 10"]);
  });

  test("a future-dated entry extends the axis instead of falling off it", () => {
    const chart = buildCreditChart([{ date: "2025-06-01", cumulativeHundredths: 20 }], { endDate: "2025-05-01" })!;
    expect(chart.endDate).toBe("2025-06-01");
  });

  test("a negative running total gets room below zero", () => {
    const chart = buildCreditChart(
      [
        { date: "2025-01-01", cumulativeHundredths: -30 },
        { date: "2025-01-20", cumulativeHundredths: 50 },
      ],
      { endDate: "2025-02-01" },
    )!;
    expect(chart.yTicks[0].label).toBe("-0.40");
    expect(chart.yTicks.some((t) => t.label === "0.00")).toBe(true);
  });
});

test("a narrow chart takes fewer date ticks", () => {
  const chart = buildCreditChart([{ date: "2025-01-01", cumulativeHundredths: 20 }], { endDate: "2025-12-31", width: 360, maxXTicks: 3 })!;
  expect(chart.xTicks).toHaveLength(3);
  expect(chart.plot.right).toBe(344);
});

describe("one certification cycle", () => {
  const series = [
    { date: "2024-05-01", cumulativeHundredths: 150 },
    { date: "2025-02-10", cumulativeHundredths: 190 },
    { date: "2025-03-01", cumulativeHundredths: 230 },
  ];

  test.each([
    ["entries before the cycle are re-based onto the carried-in credit", { startsOn: "2025-01-01", endsOn: "2025-12-31", carriedInHundredths: 50 }, [
      { date: "2025-02-10", cumulativeHundredths: 90 },
      { date: "2025-03-01", cumulativeHundredths: 130 },
    ]],
    ["nothing carried in", { startsOn: "2025-01-01", endsOn: "2025-12-31", carriedInHundredths: 0 }, [
      { date: "2025-02-10", cumulativeHundredths: 40 },
      { date: "2025-03-01", cumulativeHundredths: 80 },
    ]],
    ["a cycle without entries", { startsOn: "2026-01-01", endsOn: "2026-12-31", carriedInHundredths: 0 }, []],
    ["the first cycle", { startsOn: "2024-01-01", endsOn: "2024-12-31", carriedInHundredths: 0 }, [{ date: "2024-05-01", cumulativeHundredths: 150 }]],
  ])("%s", (_name, cycle, expected) => {
    expect(cycleSeries(series, cycle)).toEqual(expected);
  });

  test("the axis spans the whole cycle, the line stops today and the requirement is in range", () => {
    const points = cycleSeries(series, { startsOn: "2025-01-01", endsOn: "2025-12-31", carriedInHundredths: 50 });
    const chart = buildCreditChart(points, { startDate: "2025-01-01", axisEndDate: "2025-12-31", endDate: "2025-06-30", baseHundredths: 50, targetHundredths: 200 })!;
    expect(chart.startDate).toBe("2025-01-01");
    expect(chart.endDate).toBe("2025-12-31");
    expect(chart.linePath.startsWith(`M${chart.plot.left},`)).toBe(true);
    // The line ends at today, well before the right edge (the cycle's last day).
    const lineEnd = Number(chart.linePath.split(" H").at(-1));
    expect(lineEnd).toBeLessThan(chart.plot.right - 100);
    expect(chart.target).toEqual({ y: expect.any(Number), label: "2.00" });
    expect(chart.target!.y).toBeGreaterThanOrEqual(chart.plot.top);
    expect(chart.target!.y).toBeLessThan(chart.points.at(-1)!.y);
    expect(chart.yTicks.at(-1)!.label).toBe("2.00");
  });

  test("a cycle with no credit yet still draws a flat line at the carried-in amount", () => {
    const chart = buildCreditChart([], { startDate: "2026-01-01", axisEndDate: "2026-12-31", endDate: "2026-02-01", baseHundredths: 0, targetHundredths: 100 })!;
    expect(chart).not.toBeNull();
    expect(chart.points).toEqual([]);
    expect(chart.target?.label).toBe("1.00");
  });
});
