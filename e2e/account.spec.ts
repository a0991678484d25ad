import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createTrainer, db, expect, latestOutboxEmail, SESSION_COOKIE, test, uniqueEmail } from "./fixtures";

// Next's route announcer is also a role="alert" (in a shadow root): look for messages inside <main>.

// Account flows through the real UI: sign up → confirm → sign in → edit profile → reset password,
// sessions that end everywhere, sign-in throttling, and the admin's user list and outbox.

async function expectNoAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
    page.getByRole("button", { name: "Sign in", exact: true }).click(),
  ]);
}

test("sign up, confirm the email, sign in, edit the profile and reset the password", async ({ page }) => {
  test.setTimeout(120_000); // five flows and four axe runs: past a minute when the machine is shared
  const email = uniqueEmail("signup");
  const password = "first long password 2026";

  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { level: 1, name: "Create a trainer account" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Submitting the empty form shows errors next to the fields and focuses the first one.
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Please correct the fields");
  await expect(page.getByLabel("Full name")).toBeFocused();
  await expect(page.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Full name").fill("Jordan Lumbar");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await expect(page.getByText("Strong length.")).toBeVisible();
  await expect(page.getByLabel("Certifying body")).toHaveValue("NFPT");
  await page.getByLabel("Certification number").fill("NFPT-2023-7788");
  await page.getByLabel("Date first certified").fill("2023-05-01");
  await expect(page.getByLabel("Time zone")).toHaveValue(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Check your email");
  await expect(page.getByRole("main").getByRole("status")).toContainText(email);

  // Signing in before confirming is refused with a way forward.
  await page.goto("/sign-in");
  await submitSignIn(page, email, password);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Please verify your email first");

  const verification = await latestOutboxEmail(email, { subject: /confirm your email/i });
  const verifyLink = verification.links.find((l) => l.includes("/verify-email?token="));
  expect(verifyLink).toBeTruthy();
  await page.goto(verifyLink!);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Your email is confirmed");
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?verified=1/);

  await page.goto("/sign-in?callbackUrl=%2Faccount");
  await expectNoAxeViolations(page);
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByLabel("Certification number")).toHaveValue("NFPT-2023-7788");
  await expectNoAxeViolations(page);

  // Edit the certification number; it is saved and shown after a reload.
  await page.getByLabel("Certification number").fill("bad*number");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("Certification number")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Certification number").fill("NFPT-2023-9999");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Certification number")).toHaveValue("NFPT-2023-9999");
  const profile = await db.trainerProfile.findFirstOrThrow({ where: { user: { email } }, select: { certificationNumber: true } });
  expect(profile.certificationNumber).toBe("NFPT-2023-9999");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);

  // Forgot password → the mailed link → a new password.
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("If that address has an account");
  const reset = await latestOutboxEmail(email, { subject: /reset your/i });
  const resetLink = reset.links.find((l) => l.includes("/reset-password?token="));
  expect(resetLink).toBeTruthy();
  await page.goto(resetLink!);
  const newPassword = "second long password 2026";
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill(newPassword);
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Your password has been changed");

  await page.goto("/sign-in?callbackUrl=%2Faccount");
  await submitSignIn(page, email, password);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Email or password is incorrect.");
  await submitSignIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/account$/);

  // The reset link worked once.
  await page.goto(resetLink!);
  await page.getByLabel("New password", { exact: true }).fill("third long password 2026");
  await page.getByLabel("Repeat the new password").fill("third long password 2026");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("already been used");
});

test("after signing out everywhere, a copied session cookie is refused", async ({ page, browser, asTrainer }) => {
  await asTrainer();
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  const copied = (await page.context().cookies()).filter((c) => c.name === SESSION_COOKIE);
  expect(copied).toHaveLength(1);

  // The confirm dialog by keyboard: it takes focus, keeps Tab inside, Escape closes it and gives
  // focus back to the button that opened it; nothing is sent until it is confirmed.
  const everywhere = page.getByRole("button", { name: "Sign out everywhere" });
  const confirm = page.getByRole("alertdialog", { name: "Sign out everywhere?" });
  await everywhere.focus();
  await page.keyboard.press("Enter");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement === document.body || !!document.activeElement?.closest("dialog[open]"))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(everywhere).toBeFocused();

  await everywhere.click();
  await confirm.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const other = await browser.newContext();
  try {
    await other.addCookies(copied);
    const stolen = await other.newPage();
    await stolen.goto("/account");
    await expect(stolen).toHaveURL(/\/sign-in\?callbackUrl=(%2F|\/)account$/);
    const res = await stolen.request.patch("/api/account/profile", { data: {} });
    expect(res.status()).toBe(401);
  } finally {
    await other.close();
  }
});

test("the 11th sign-in within 10 minutes after 10 wrong passwords is refused, even with the right one", async ({ page }) => {
  const trainer = await createTrainer();
  // A made-up client address: counted separately when the server trusts one proxy hop.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` });
  try {
    await page.goto("/sign-in");
    for (let i = 0; i < 10; i++) {
      await submitSignIn(page, trainer.email, `wrong password number ${i}`);
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
      await expect(page.getByRole("main").getByRole("alert")).toContainText("Email or password is incorrect.");
    }
    await submitSignIn(page, trainer.email, trainer.password);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Try again in");
    await expect(page).toHaveURL(/\/sign-in/);
  } finally {
    // Failures are also counted per address: leave none behind for specs signing in through the form.
    await db.loginFailure.deleteMany({ where: { email: trainer.email } });
  }
});

test("an admin finds a trainer, disables them, and reads the outbox", async ({ page, asAdmin }) => {
  await asAdmin();
  const trainer = await createTrainer({ name: "Findable Trainer" });
  const number = (await db.trainerProfile.findUniqueOrThrow({ where: { userId: trainer.id }, select: { certificationNumber: true } })).certificationNumber;

  await page.goto(`/admin/users?q=${encodeURIComponent(number)}`);
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Accounts" })).toHaveAttribute("aria-current", "page");
  const row = page.getByRole("row", { name: /Findable Trainer/ });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(trainer.email);
  await expect(row).toContainText("Active");
  await expectNoAxeViolations(page);

  await row.getByRole("button", { name: /Disable/ }).click();
  await page.getByRole("alertdialog", { name: "Disable Findable Trainer?" }).getByRole("button", { name: "Disable account" }).click();
  await expect(row).toContainText("Disabled");
  expect((await db.user.findUniqueOrThrow({ where: { id: trainer.id }, select: { disabledAt: true } })).disabledAt).not.toBeNull();
  await row.getByRole("button", { name: /Enable/ }).click();
  await expect(row).toContainText("Active");

  await page.goto("/admin/users?q=no-such-person-anywhere");
  await expect(page.getByText("No accounts match")).toBeVisible();

  // A reset request shows up in the outbox with its link clickable.
  await page.request.post("/api/account/forgot-password", { data: { email: trainer.email } });
  await latestOutboxEmail(trainer.email, { subject: /Reset your/ }); // mailed off the request path
  await page.goto(`/admin/outbox?to=${encodeURIComponent(trainer.email)}`);
  const mail = page.getByRole("article", { name: "Reset your Backbone CE password" }).first();
  await expect(mail).toBeVisible();
  await expect(mail.getByRole("link", { name: /\/reset-password\?token=/ })).toBeVisible();
});

test("admin pages are hidden from trainers and signed-out visitors", async ({ page, asTrainer }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers$/);
  await asTrainer();
  const res = await page.goto("/admin/outbox");
  expect(res?.status()).toBe(404);
  const api = await page.request.post("/api/admin/users/abc/status", { data: { disabled: true } });
  expect(api.status()).toBe(403);
});
