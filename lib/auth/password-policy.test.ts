import { expect, test } from "vitest";
import { isCommonPassword, ZNewPassword } from "./password-policy";

test.each([
  ["short", false, "at least 12"],
  ["password1234", false, "too common"],
  ["Password!!!!", false, "too common"],
  ["aaaaaaaaaaaaaa", false, "too common"],
  ["QWERTY123456", false, "too common"],
  ["squat-deadlift-plank-42", true, ""],
])("%s → valid %s", (password, valid, message) => {
  const result = ZNewPassword.safeParse(password);
  expect(result.success).toBe(valid);
  if (!result.success) expect(result.error.issues[0].message).toContain(message);
});

test("common check ignores case", () => {
  expect(isCommonPassword("PersonalTrainer")).toBe(true);
  expect(isCommonPassword("a calm spine at rest")).toBe(false);
});
