import { spawn } from "node:child_process";
import { beforeEach, describe, expect, test } from "vitest";
import { addCertification, saveCprAedCard, setRemindersOff } from "@/lib/certifications/certifications.server";
import { db } from "@/lib/db";
import { sendDueReminders } from "@/lib/reminders/send-reminders.server";
import { unsubscribeWithToken } from "@/lib/reminders/unsubscribe.server";
import { createUser } from "@/prisma/seed-helpers";

// Reminders go out at most once per trainer, subject, period and stage, however many schedulers
// run; never when the credit is there, and never after the trainer opted out.

// 30 days before an ACE cycle that ends on the card's stated expiry, 2026-03-31.
const NOW = "2026-03-02T12:00:00.000Z";
let n = 0;

async function aceTrainer({ earned = 0, card = true }: { earned?: number; card?: boolean } = {}) {
  n++;
  const user = await createUser(
    db,
    { email: `remind-${n}@example.test`, name: `Remind ${n}`, password: "unused", profile: { certifyingBody: "NFPT", certificationNumber: `NFPT-RM-${n}`, firstCertifiedOn: "2025-06-01" } },
    "not-a-real-hash",
  );
  const ace = await addCertification(user.id, { certifyingBody: "ACE", certificationNumber: `ACE-RM-${n}`, firstCertifiedOn: "2024-03-15", expiresOn: "2026-03-31" });
  if (card) await saveCprAedCard(user.id, { provider: "American Red Cross", expiresOn: "2027-06-30" });
  if (earned > 0) {
    await db.creditEntry.create({ data: { userId: user.id, kind: "ADJUSTMENT", amountHundredths: earned, certifyingBody: "ACE", certificationId: ace.id, reason: "test", occurredAt: new Date("2025-10-01T00:00:00Z") } });
  }
  return { user, aceId: ace.id };
}

const outboxFor = (email: string) => db.outboxEmail.findMany({ where: { to: email }, select: { subject: true, text: true, headers: true } });

function runSchedulerProcess(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/reminders.ts", "--now", NOW], {
      env: { ...process.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("renewal reminders", () => {
  beforeEach(async () => {
    // Each test judges only its own trainers; earlier trainers' reminders are already claimed.
    await sendDueReminders({ now: new Date(NOW) });
  });

  test("two scheduler processes started together send each due reminder exactly once", async () => {
    const { user, aceId } = await aceTrainer();
    const results = await Promise.all([runSchedulerProcess(), runSchedulerProcess()]);
    for (const r of results) expect(r.code, r.output).toBe(0);

    const mails = await outboxFor(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Your ACE cycle ends in 30 days (March 31, 2026)");
    expect(mails[0].text).toContain("2.00 CEC of continuing education");
    expect(mails[0].text).toMatch(/\/courses/);
    expect(mails[0].headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "List-Unsubscribe": expect.stringMatching(/^<http.*\/api\/reminders\/unsubscribe\?token=/) });
    expect(await db.reminderSent.findMany({ where: { userId: user.id }, select: { subject: true, stage: true } })).toEqual([{ subject: `cycle:${aceId}`, stage: 30 }]);

    // Later sweeps in the same stage send nothing more; NFPT (first year, nothing due) never did.
    await sendDueReminders({ now: new Date("2026-03-03T12:00:00Z") });
    expect(await outboxFor(user.email)).toHaveLength(1);
  });

  test("many sweeps racing without the lease still send once (the claim row decides)", async () => {
    const { user } = await aceTrainer();
    await Promise.all(Array.from({ length: 6 }, () => sendDueReminders({ now: new Date(NOW) })));
    expect(await outboxFor(user.email)).toHaveLength(1);
  });

  test("no reminder when the credit is enough", async () => {
    const { user } = await aceTrainer({ earned: 200 });
    await sendDueReminders({ now: new Date(NOW) });
    expect(await outboxFor(user.email)).toHaveLength(0);
  });

  test("no reminder to an address that was never confirmed", async () => {
    const { user } = await aceTrainer();
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: null } });
    await sendDueReminders({ now: new Date(NOW) });
    expect(await outboxFor(user.email)).toHaveLength(0);
  });

  test("enough credit but no CPR/AED card: the card is what the mail asks for", async () => {
    const { user } = await aceTrainer({ earned: 200, card: false });
    await sendDueReminders({ now: new Date(NOW) });
    const mails = await outboxFor(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("a current CPR/AED certificate");
    expect(mails[0].text).not.toContain("CEC of continuing education");
  });

  test("no reminder after opting out, on the account page or by the one-click link", async () => {
    const { user } = await aceTrainer();
    await setRemindersOff(user.id, true);
    await sendDueReminders({ now: new Date(NOW) });
    expect(await outboxFor(user.email)).toHaveLength(0);

    const second = await aceTrainer();
    await sendDueReminders({ now: new Date("2026-01-15T12:00:00Z") }); // the 90-day stage
    const [mail] = await outboxFor(second.user.email);
    const token = new URL(/<([^>]+)>/.exec((mail.headers as Record<string, string>)["List-Unsubscribe"])![1]).searchParams.get("token")!;
    await unsubscribeWithToken(token);
    await sendDueReminders({ now: new Date(NOW) }); // the 30-day stage would be due now
    expect(await outboxFor(second.user.email)).toHaveLength(1);
    await expect(unsubscribeWithToken(`${token.slice(0, -2)}xx`)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  test("a CPR/AED card about to expire gets its own reminder", async () => {
    const { user } = await aceTrainer({ earned: 200 });
    await saveCprAedCard(user.id, { provider: "American Heart Association", expiresOn: "2026-03-08" });
    await sendDueReminders({ now: new Date(NOW) });
    const subjects = (await outboxFor(user.email)).map((m) => m.subject).sort();
    expect(subjects).toEqual(["Your ACE cycle ends in 30 days (March 31, 2026)", "Your CPR/AED certificate expires in 7 days (March 8, 2026)"]);
  });

});
