import { createHmac, timingSafeEqual } from "node:crypto";
import { isId } from "@/lib/ids";

// The one-click unsubscribe link carries a signed token: the trainer's id and an HMAC of it, so
// the link works without signing in and cannot be forged for someone else's account. It does not
// expire: an unsubscribe link in an old mail must keep working (RFC 8058 expects that).

const PURPOSE = "backbone-reminders-unsubscribe:v1:";

function mac(secret: string, userId: string): string {
  return createHmac("sha256", secret).update(PURPOSE + userId).digest("base64url").slice(0, 32);
}

export function signUnsubscribeToken(secret: string, userId: string): string {
  if (secret.length < 16) throw new Error("The unsubscribe secret is too short.");
  return `${Buffer.from(userId, "utf8").toString("base64url")}.${mac(secret, userId)}`;
}

/** The user id the token was signed for, or null for anything malformed or forged. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const match = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const userId = Buffer.from(match[1], "base64url").toString("utf8");
  if (!isId(userId)) return null;
  const expected = Buffer.from(mac(secret, userId));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}
