import { describe, expect, test } from "vitest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "@/lib/reminders/unsubscribe-token";

const SECRET = "a-test-secret-of-enough-length-123";

describe("unsubscribe tokens", () => {
  test("a signed token verifies to its user", () => {
    expect(verifyUnsubscribeToken(SECRET, signUnsubscribeToken(SECRET, "cm1user0001"))).toBe("cm1user0001");
  });

  test.each([
    ["another secret", () => signUnsubscribeToken("another-secret-of-enough-length", "cm1user0001")],
    ["another user's id with this user's mac", () => `${Buffer.from("cm1user0002").toString("base64url")}.${signUnsubscribeToken(SECRET, "cm1user0001").split(".")[1]}`],
    ["a truncated mac", () => signUnsubscribeToken(SECRET, "cm1user0001").slice(0, -1)],
    ["no dot", () => "abc"],
    ["an empty string", () => ""],
    ["a user id with odd characters", () => signUnsubscribeToken(SECRET, "../../etc")],
  ])("%s is refused", (_name, make) => {
    expect(verifyUnsubscribeToken(SECRET, make())).toBeNull();
  });
});
