import { generateCertificateCode } from "@/lib/certificates/certificate-code";
import { buildOpenBadgeCredential, signOpenBadgeCredential } from "@/lib/certificates/open-badge";
import { generateSigningKeyPair } from "@/lib/certificates/signing-key";
import { readPdfText } from "@/tests/read-pdf-text";
import { createTrainer, db, expect, signInAs, test } from "./fixtures";

// Issue 18: broken percent-escapes get a readable 400 from the server in front of Next; a trainer
// can put a certificate on LinkedIn and download its Open Badge; a shared verify link previews.

test("malformed percent-escapes answer 400 with a readable page", async ({ page, request }) => {
  for (const path of ["/verify/BKCE-%ZZ", "/courses/%ZZ", "/api/certificates/%ZZ/pdf"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect(res.headers()["content-type"]).toMatch(/^text\/html/);
    expect(await res.text()).toContain("This address is not valid");
  }
  const response = await page.goto("/verify/BKCE-%ZZ");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "This address is not valid" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Verify a certificate" })).toBeVisible();
});

test("a trainer's certificate offers LinkedIn and Open Badge; the verify page has Open Graph tags", async ({ browser }) => {
  const trainer = await createTrainer({ name: `Lê Văn Share 李 ${Date.now()}` });
  const course = await db.course.findUniqueOrThrow({ where: { slug: "fixture-course" }, select: { id: true, title: true, version: true } });
  const code = generateCertificateCode();
  const key = generateSigningKeyPair();
  const credential = buildOpenBadgeCredential({
    id: `http://127.0.0.1/verify/${code}`,
    issuer: { id: "http://127.0.0.1/ob/issuer", name: "Backbone CE", url: "http://127.0.0.1/" },
    achievement: { id: "http://127.0.0.1/ob/achievements/fixture-course", name: course.title, description: "A fixture.", criteriaNarrative: "Pass.", creditsAvailable: "0.10", certifyingBody: "NFPT", courseVersion: course.version },
    subject: { id: "urn:uuid:00000000-0000-8000-8000-000000000018", name: trainer.name },
    creditsEarned: "0.10",
    validFrom: "2026-03-04T10:00:00Z",
  });
  await db.certificate.create({
    data: {
      code,
      userId: trainer.id,
      courseId: course.id,
      trainerName: trainer.name,
      certificationNumber: "NFPT-SHARE-1",
      certifyingBody: "NFPT",
      courseTitle: course.title,
      courseVersion: course.version,
      contactMinutes: 30,
      creditHundredths: 10,
      scorePercent: 95,
      completedAt: new Date("2026-03-03T10:00:00Z"),
      issuedAt: new Date("2026-03-04T10:00:00Z"),
      credentialJwt: await signOpenBadgeCredential(credential, { privateKeyPem: key.privateKeyPem, kid: "http://127.0.0.1/ob/keys/e2e" }),
    },
  });

  const context = await browser.newContext();
  await signInAs(context, trainer);
  const page = await context.newPage();
  await page.goto("/certificates");
  const card = page.getByRole("article", { name: course.title });
  const linkedIn = card.getByRole("link", { name: /Add to LinkedIn profile/ });
  await expect(linkedIn).toBeVisible();
  const href = new URL((await linkedIn.getAttribute("href")) as string);
  expect(href.origin + href.pathname).toBe("https://www.linkedin.com/profile/add");
  expect(Object.fromEntries(href.searchParams)).toMatchObject({
    startTask: "CERTIFICATION_NAME",
    name: course.title,
    organizationName: "Backbone CE",
    issueYear: "2026",
    issueMonth: "3",
    certId: code,
  });
  expect(href.searchParams.get("certUrl")).toMatch(new RegExp(`/verify/${code}$`));

  const badge = card.getByRole("link", { name: /Download Open Badge/ });
  await expect(badge).toBeVisible();
  const download = await page.request.get((await badge.getAttribute("href")) as string);
  expect(download.status()).toBe(200);
  expect((await download.json()).jwt.split(".")).toHaveLength(3);

  // The production server prints the name exactly (fonts found at run time, not only in tests).
  const pdf = await page.request.get(`/api/certificates/${code}/pdf`);
  expect(pdf.status()).toBe(200);
  expect((await readPdfText(new Uint8Array(await pdf.body()))).split("\n")).toContain(trainer.name);

  const visitor = await browser.newPage();
  await visitor.goto(`/verify/${code}`);
  await expect(visitor.getByRole("heading", { name: "Valid certificate" })).toBeVisible();
  await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute("content", `Verified certificate: ${course.title}`);
  await expect(visitor.locator('meta[property="og:description"]')).toHaveAttribute("content", new RegExp(trainer.name));
  await expect(visitor.locator('meta[property="og:url"]')).toHaveAttribute("content", new RegExp(`/verify/${code}$`));
  await expect(visitor.locator('meta[property="og:type"]')).toHaveAttribute("content", "website");
  await context.close();
});
