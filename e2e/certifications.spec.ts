import { spawn } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { db, expect, latestOutboxEmail, test } from "./fixtures";
import { E2E_BASE_URL, E2E_SECRET, e2eDatabaseUrl } from "./e2e-env";

// Several certifications, a CPR/AED card, and the renewal reminder that follows: a trainer adds a
// second certification and a card, sees both cycles on the dashboard, then (the clock moved by
// moving the card's dates in the database) gets the 30-day reminder and unsubscribes from it.

/** One sweep of the reminder scheduler against the e2e database, as `npm start` runs it. */
function runReminderSweep(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/reminders.ts"], {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), NEXTAUTH_URL: E2E_BASE_URL, NEXTAUTH_SECRET: E2E_SECRET, APP_MODE: "demo" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`reminders exited ${code}: ${output}`))));
  });
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function expectNoAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a second certification and a CPR/AED card, both cycles on the dashboard, the 30-day reminder and its unsubscribe", async ({ page, asTrainer, request }) => {
  test.setTimeout(120_000);
  const trainer = await asTrainer();
  const aceNumber = `ACE-E2E-${Date.now().toString().slice(-6)}`;

  await page.goto("/account");
  await page.getByRole("button", { name: "Add a certification" }).click();
  await expectNoAxeViolations(page);
  const add = page.getByRole("group", { name: "Add a certification" });
  await add.getByLabel("Certifying body").selectOption("ACE");
  await add.getByLabel("Certification number").fill(aceNumber);
  await add.getByLabel("Date first certified").fill("2024-03-15");
  await add.getByLabel("Certification expiry").fill("2028-03-31");
  await page.getByRole("button", { name: "Add certification" }).click();
  await expect(page.getByRole("listitem", { name: `ACE certification ${aceNumber}` })).toBeVisible();

  // The CPR/AED card, with a scan (a tiny PNG).
  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  await page.getByLabel("CPR/AED provider").fill("American Red Cross");
  await page.getByLabel("CPR/AED card expires").fill("2029-06-30");
  await page.getByLabel(/Card scan/).setInputFiles({ name: "card.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Save CPR/AED card" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByRole("link", { name: "download your card" })).toBeVisible();

  // Both cycles on the dashboard, each with its own credit; ACE's card is valid.
  await page.goto("/dashboard");
  const cycles = page.getByRole("region", { name: "Your certifications" });
  await expect(cycles.getByRole("listitem", { name: /^NFPT certification NFPT-E2E-/ })).toBeVisible();
  const ace = cycles.getByRole("listitem", { name: `ACE certification ${aceNumber}` });
  await expect(ace).toContainText("March 31, 2028");
  await expect(ace).toContainText("0.00 of 2.00 CEC");
  await expect(ace).toContainText("CPR/AED card valid until June 30, 2029");
  await expectNoAxeViolations(page);

  // Move the clock: the ACE card now expires 29 days after today, so its cycle has 30 days left.
  const endsOn = isoDay(new Date(Date.now() + 29 * 86_400_000));
  await db.certification.updateMany({ where: { userId: trainer.id, certifyingBody: "ACE" }, data: { expiresOn: new Date(`${endsOn}T00:00:00Z`) } });
  await runReminderSweep();
  const mail = await latestOutboxEmail(trainer.email, { subject: /ACE cycle ends in 30 days/ });
  expect(mail.text).toContain("2.00 CEC of continuing education");
  expect(mail.links.some((l) => l.endsWith("/courses"))).toBe(true);
  // A second sweep sends nothing new.
  await runReminderSweep();
  expect(await db.outboxEmail.count({ where: { to: trainer.email, subject: { contains: "ACE cycle ends in 30 days" } } })).toBe(1);

  // The one-click header is there; the link in the mail leads to a confirmation page.
  const row = await db.outboxEmail.findFirstOrThrow({ where: { to: trainer.email, subject: { contains: "ACE cycle" } }, select: { headers: true } });
  const headers = row.headers as Record<string, string>;
  expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  const unsubscribe = mail.links.find((l) => l.includes("/unsubscribe?token="))!;
  await page.goto(unsubscribe);
  await expect(page.getByRole("heading", { name: "Stop renewal reminders?" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { name: "Reminders turned off" })).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: trainer.id }, select: { remindersOffAt: true } })).remindersOffAt).not.toBeNull();

  // The RFC 8058 one-click POST works too (no session, the token is the authorization), and a forged token is a 400.
  const oneClick = /<([^>]+)>/.exec(headers["List-Unsubscribe"])![1];
  const posted = await request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } });
  expect(posted.status()).toBe(200);
  const forged = await request.post(oneClick.replace(/token=[^&]+/, "token=AAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), { form: { "List-Unsubscribe": "One-Click" } });
  expect(forged.status()).toBe(400);

  // The account page shows reminders off.
  await page.goto("/account");
  await expect(page.getByRole("button", { name: "Turn reminders on" })).toBeVisible();
});
