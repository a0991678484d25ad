import { describe, expect, test } from "vitest";
import { adjustCredit } from "@/lib/credits/ledger.server";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed-helpers";
import { countUnreadNotifications, deliverNotificationMail, getMailPreferences, listNotifications, markNotificationsRead, notifyUser, setMailPreferences } from "./notifications.server";

// Notices against real PostgreSQL: written with what they report, mailed once after the commit
// (through the development outbox), skipped by a trainer's mail preference, read per user.
const HASH = "not-a-real-hash";
let n = 0;

function makeUser(role: "TRAINER" | "ADMIN" = "TRAINER") {
  n++;
  return createUser(
    db,
    {
      email: `notify-${n}@example.test`,
      name: `Noel ${n}`,
      password: "unused",
      role,
      profile: role === "TRAINER" ? { certifyingBody: "NFPT", certificationNumber: `NFPT-N-${n}`, firstCertifiedOn: "2024-03-01" } : undefined,
    },
    HASH,
  );
}

const outboxFor = (to: string) => db.outboxEmail.findMany({ where: { to }, select: { subject: true, text: true } });

describe("notifications", () => {
  test("a credit adjustment notifies the trainer and mails them once", async () => {
    const [trainer, admin] = [await makeUser(), await makeUser("ADMIN")];
    await adjustCredit({ adminId: admin.id, userId: trainer.id, amountHundredths: 25, reason: "Workshop attended in person" });
    expect(await countUnreadNotifications({ userId: trainer.id })).toBe(1);
    const { items } = await listNotifications({ userId: trainer.id });
    expect(items).toMatchObject([{ kind: "CREDIT_ADJUSTED", title: "Your credit was adjusted by +0.25 CEC", href: "/transcript", read: false }]);
    const mails = await outboxFor(trainer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Your credit was adjusted by +0.25 CEC");
    expect(mails[0].text).toContain("Workshop attended in person");
    // Delivering again sends nothing more.
    await deliverNotificationMail({ userId: trainer.id });
    expect(await outboxFor(trainer.email)).toHaveLength(1);
    // The admin gets nothing.
    expect(await countUnreadNotifications({ userId: admin.id })).toBe(0);
  });

  test("a notice rolled back with its transaction never appears", async () => {
    const trainer = await makeUser();
    await expect(
      db.$transaction(async (tx) => {
        await notifyUser(tx, { userId: trainer.id, notice: { kind: "CERTIFICATE_ISSUED", courseTitle: "Core", code: "BKCE-X" } });
        throw new Error("issue failed");
      }),
    ).rejects.toThrow("issue failed");
    expect(await countUnreadNotifications({ userId: trainer.id })).toBe(0);
  });

  test("a kind turned off is not mailed but still shown; marking read is per user", async () => {
    const [trainer, other] = [await makeUser(), await makeUser()];
    expect(await getMailPreferences({ userId: trainer.id })).toEqual({ CERTIFICATE_ISSUED: true, CERTIFICATE_REVOKED: true, CERTIFICATE_REISSUED: true, CREDIT_ADJUSTED: true });
    expect((await setMailPreferences({ userId: trainer.id, email: { CERTIFICATE_ISSUED: false } })).CERTIFICATE_ISSUED).toBe(false);
    for (const user of [trainer, other]) {
      await db.$transaction((tx) => notifyUser(tx, { userId: user.id, notice: { kind: "CERTIFICATE_ISSUED", courseTitle: "Core", code: `BKCE-${user.id}` } }));
      await deliverNotificationMail({ userId: user.id });
    }
    expect(await outboxFor(trainer.email)).toHaveLength(0);
    expect(await outboxFor(other.email)).toHaveLength(1);
    expect(await countUnreadNotifications({ userId: trainer.id })).toBe(1);

    // Only what was shown: a cut-off before the notice marks nothing.
    expect(await markNotificationsRead({ userId: trainer.id, upTo: new Date(Date.now() - 60_000) })).toBe(0);
    expect(await markNotificationsRead({ userId: trainer.id, upTo: new Date() })).toBe(1);
    expect(await countUnreadNotifications({ userId: trainer.id })).toBe(0);
    expect(await countUnreadNotifications({ userId: other.id })).toBe(1);
  });
});
