import { z } from "zod";
import { findForbiddenChar, forbiddenCharMessage } from "@/lib/text/safe-text";

// Length beats composition rules (NIST SP 800-63B): at least 12 characters, not a well-known
// password. The list holds common passwords of 12+ characters and the bases people pad to 12.
const COMMON = new Set(
  [
    "123456789012", "1234567890123", "12345678910", "qwertyuiopas", "qwertyuiop123", "1q2w3e4r5t6y", "1qaz2wsx3edc",
    "passwordpassword", "password1234", "password12345", "password123!", "passw0rd1234", "iloveyou1234", "letmein12345",
    "welcome12345", "welcome123456", "administrator", "adminadmin123", "abcdefghijkl", "abc123abc123", "aaaaaaaaaaaa",
    "111111111111", "000000000000", "qazwsxedcrfv", "trustno1trustno1", "sunshine1234", "football1234", "baseball1234",
    "princess1234", "superman1234", "dragon123456", "monkey123456", "shadow123456", "master123456", "michael12345",
    "jennifer1234", "computer1234", "whatever1234", "starwars1234", "changeme1234", "correcthorsebatterystaple",
    "personaltrainer", "personaltrainer1", "fitness12345", "fitness123456", "workout12345", "backbone1234",
    "mypassword123", "qwerty123456", "asdfghjkl123", "zxcvbnm12345", "1234qwerasdf", "q1w2e3r4t5y6", "password0000",
  ].map((p) => p.toLowerCase()),
);

export const PASSWORD_MIN = 12;

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  // "password" + padding digits/symbols, or a single repeated character.
  const base = lower.replace(/[\d!@#$%^&*._-]+$/, "");
  if (["password", "qwerty", "letmein", "welcome", "iloveyou", "admin", "trainer", "fitness"].includes(base)) return true;
  return /^(.)\1+$/.test(lower);
}

// Not trimmed or normalised (that would change what existing hashes were made from), but a
// control or invisible character is refused: nobody could type it again at the sign-in form.
export const ZNewPassword = z
  .string()
  .superRefine((p, ctx) => {
    const bad = findForbiddenChar(p);
    if (bad) ctx.addIssue({ code: "custom", message: forbiddenCharMessage(bad.codePoint) });
  })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(256, "Use at most 256 characters.")
  .refine((p) => !isCommonPassword(p), "This password is too common. Choose a longer phrase only you would know.");
