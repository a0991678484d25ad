import { expect, test } from "vitest";
import { parseHighlights } from "./highlight";
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E } from "./split-lesson-sections";

test.each([
  ["no match", "plain text", [{ text: "plain text", highlight: false }]],
  ["one match", `Apply ${S}ice${E} now`, [{ text: "Apply ", highlight: false }, { text: "ice", highlight: true }, { text: " now", highlight: false }]],
  ["match at both ends", `${S}Ice${E} and ${S}icing${E}`, [{ text: "Ice", highlight: true }, { text: " and ", highlight: false }, { text: "icing", highlight: true }]],
  ["adjacent matches merge", `${S}ice${E}${S}pack${E}`, [{ text: "icepack", highlight: true }]],
  ["markup stays text", `<img src=x onerror=alert(1)> ${S}<b>${E}`, [{ text: "<img src=x onerror=alert(1)> ", highlight: false }, { text: "<b>", highlight: true }]],
  ["an unclosed marker highlights to the end only", `a ${S}b`, [{ text: "a ", highlight: false }, { text: "b", highlight: true }]],
  ["a stray stop marker is dropped", `a${E}b`, [{ text: "ab", highlight: false }]],
  ["empty", "", []],
])("%s", (_name, marked, parts) => {
  expect(parseHighlights(marked)).toEqual(parts);
});
