import { describe, expect, test } from "vitest";
import { analyzeItems, type TItemRow } from "@/lib/quiz/item-analysis";

// Rows for one question: [attemptId, earned, totalScorePercent, chosen].
function rows(questionId: string, data: [string, number, number, string[]][]): TItemRow[] {
  return data.map(([attemptId, earned, totalScorePercent, chosen]) => ({
    attemptId,
    questionId,
    earned,
    totalScorePercent,
    chosen,
  }));
}

// Ten attempts scoring 100, 90, ..., 10; correct on a0, a1, a3, a5, a8.
const tenAttempts = rows(
  "q10",
  [100, 90, 80, 70, 60, 50, 40, 30, 20, 10].map((total, i) => {
    const right = [0, 1, 3, 5, 8].includes(i);
    return [`a${i}`, right ? 100 : 0, total, [right ? "b" : "c"]];
  }),
);

describe("analyzeItems", () => {
  test.each<[string, TItemRow[], { attempts: number; difficulty: number; discrimination: number | null; upperLowerIndex: number | null }]>([
    [
      // correct = [1,1,0,0], totals = [90,80,60,50]: mean total 70, deviations ±10/±20.
      // r = sum(dx*dy) / sqrt(sum dx² * sum dy²) = 30 / sqrt(1 * 1000); top 27% of 4 is 1 attempt.
      "strong items go to strong attempts",
      rows("q", [
        ["a1", 100, 90, ["b"]],
        ["a2", 100, 80, ["b"]],
        ["a3", 0, 60, ["a"]],
        ["a4", 0, 50, ["c"]],
      ]),
      { attempts: 4, difficulty: 0.5, discrimination: 30 / Math.sqrt(1000), upperLowerIndex: 1 },
    ],
    [
      "a reversed item discriminates negatively",
      rows("q", [
        ["a1", 0, 90, ["a"]],
        ["a2", 0, 80, ["a"]],
        ["a3", 100, 60, ["b"]],
        ["a4", 100, 50, ["b"]],
      ]),
      { attempts: 4, difficulty: 0.5, discrimination: -30 / Math.sqrt(1000), upperLowerIndex: -1 },
    ],
    [
      // M1 = 66, M0 = 44, population sd of totals = sqrt(825): r = 22 / sqrt(825) * 0.5 = 55 / sqrt(20625).
      // Groups of round(2.7) = 3: upper a0..a2 has 2 right, lower a7..a9 has 1.
      "ten attempts with a mixed pattern",
      tenAttempts,
      { attempts: 10, difficulty: 0.5, discrimination: 55 / Math.sqrt(20625), upperLowerIndex: 1 / 3 },
    ],
    [
      "everyone right: no variance in correctness",
      rows("q", [
        ["a1", 100, 90, ["b"]],
        ["a2", 100, 40, ["b"]],
      ]),
      { attempts: 2, difficulty: 1, discrimination: null, upperLowerIndex: 0 },
    ],
    [
      "everyone wrong",
      rows("q", [
        ["a1", 0, 90, ["a"]],
        ["a2", 0, 40, ["c"]],
        ["a3", 50, 30, ["a", "b"]],
      ]),
      { attempts: 3, difficulty: 0, discrimination: null, upperLowerIndex: 0 },
    ],
    [
      // Both attempts tie at the boundary: each group takes half of each, so both groups are half right.
      "all totals equal: correlation undefined",
      rows("q", [
        ["a2", 0, 75, ["a"]],
        ["a1", 100, 75, ["b"]],
      ]),
      { attempts: 2, difficulty: 0.5, discrimination: null, upperLowerIndex: 0 },
    ],
    [
      // Groups of round(2.7) = 3. Upper: a1 (90, right) and 2 places shared by the four at 70, of
      // which 3 are right: 1 + 2 * 3/4 = 2.5 right. Lower: a0 (20, wrong) and 2 places shared by
      // the four at 40, of which 1 is right: 0 + 2 * 1/4 = 0.5. Index (2.5 − 0.5) / 3, whatever the
      // attempt ids. Mean total 55: sum dx*dy = 65, sum dx² = 2.5, sum dy² = 4250.
      "ties at a boundary share the group's places in proportion",
      rows("q", [
        ["a1", 100, 90, ["b"]],
        ["a2", 100, 70, ["b"]],
        ["a3", 100, 70, ["b"]],
        ["a4", 0, 70, ["a"]],
        ["a5", 100, 70, ["b"]],
        ["a6", 0, 40, ["a"]],
        ["a7", 100, 40, ["b"]],
        ["a8", 0, 40, ["a"]],
        ["a9", 0, 40, ["a"]],
        ["a0", 0, 20, ["c"]],
      ]),
      { attempts: 10, difficulty: 0.5, discrimination: 65 / Math.sqrt(2.5 * 4250), upperLowerIndex: 2 / 3 },
    ],
    [
      "a single attempt says nothing about discrimination",
      rows("q", [["a1", 100, 100, ["b"]]]),
      { attempts: 1, difficulty: 1, discrimination: null, upperLowerIndex: null },
    ],
    [
      // Partial credit is not "correct": correctness = [1, 0, 0], totals [100, 50, 0] → r = 50/sqrt(2/3 * 5000).
      "partial credit counts as not correct",
      rows("q", [
        ["a1", 100, 100, ["a", "b"]],
        ["a2", 66, 50, ["a"]],
        ["a3", 33, 0, ["a", "c"]],
      ]),
      { attempts: 3, difficulty: 1 / 3, discrimination: 50 / Math.sqrt((2 / 3) * 5000), upperLowerIndex: 1 },
    ],
  ])("%s", (_name, input, expected) => {
    const [result] = analyzeItems(input);
    expect(result.attempts).toBe(expected.attempts);
    expect(result.difficulty).toBeCloseTo(expected.difficulty, 10);
    if (expected.discrimination === null) expect(result.discrimination).toBeNull();
    else expect(result.discrimination).toBeCloseTo(expected.discrimination, 10);
    if (expected.upperLowerIndex === null) expect(result.upperLowerIndex).toBeNull();
    else expect(result.upperLowerIndex).toBeCloseTo(expected.upperLowerIndex, 10);
  });

  test("the ten-attempt case matches the M1 - M0 form of the point-biserial", () => {
    const [result] = analyzeItems(tenAttempts);
    expect(result.discrimination).toBeCloseTo(((66 - 44) / Math.sqrt(825)) * Math.sqrt(0.5 * 0.5), 10);
    expect(result.discrimination).toBeCloseTo(0.38297, 5);
  });

  test("counts chosen options, once per attempt, most chosen first, and blanks apart", () => {
    const [result] = analyzeItems(
      rows("q", [
        ["a1", 100, 90, ["b", "d"]],
        ["a2", 0, 80, ["b", "b", "c"]],
        ["a3", 0, 60, ["d"]],
        ["a4", 0, 50, []],
        ["a5", 0, 40, ["a"]],
        ["a6", 0, 30, []],
      ]),
    );
    expect(result.distribution).toEqual([
      { choice: "b", count: 2 },
      { choice: "d", count: 2 },
      { choice: "a", count: 1 },
      { choice: "c", count: 1 },
    ]);
    expect(result.blank).toBe(2);
  });

  test("labels that look like prototype keys are counted like any other", () => {
    const [result] = analyzeItems(rows("q", [["a1", 0, 10, ["__proto__", "constructor"]]]));
    expect(result.distribution).toEqual([
      { choice: "__proto__", count: 1 },
      { choice: "constructor", count: 1 },
    ]);
  });

  test("reports mean earned hundredths, which keeps partial credit visible", () => {
    const [result] = analyzeItems(
      rows("q", [
        ["a1", 100, 90, ["a"]],
        ["a2", 66, 80, ["a"]],
        ["a3", 33, 60, ["a"]],
        ["a4", 0, 50, []],
      ]),
    );
    expect(result.meanEarned).toBeCloseTo(199 / 4, 10);
    expect(result.difficulty).toBeCloseTo(0.25, 10);
  });

  test("groups rows by question and sorts by question id", () => {
    const result = analyzeItems([
      ...rows("q-b", [["a1", 100, 80, ["x"]]]),
      ...rows("q-a", [
        ["a1", 0, 80, ["y"]],
        ["a2", 100, 60, ["x"]],
      ]),
    ]);
    expect(result.map((r) => [r.questionId, r.attempts])).toEqual([
      ["q-a", 2],
      ["q-b", 1],
    ]);
  });

  test("a repeated attempt for the same question keeps the later row", () => {
    const [result] = analyzeItems(
      rows("q", [
        ["a1", 0, 40, ["a"]],
        ["a2", 100, 90, ["b"]],
        ["a1", 100, 60, ["b"]],
      ]),
    );
    expect(result.attempts).toBe(2);
    expect(result.difficulty).toBe(1);
    expect(result.distribution).toEqual([{ choice: "b", count: 2 }]);
  });

  test("no rows, no items", () => {
    expect(analyzeItems([])).toEqual([]);
  });
});
