import type { APIResponse } from "@playwright/test";
import { generateCertificateCode } from "@/lib/certificates/certificate-code";
import { createAdmin, createTrainer, db, expect, signInAs, test } from "./fixtures";

// Issue 20: Open Graph / Twitter card images for course and verify pages. Each answers a
// 1200×630 PNG (read from the PNG header, not trusted from the headers), the pages name them in
// og:image / twitter:image, and the verify card follows a revocation at once.

async function pngSize(res: APIResponse): Promise<{ width: number; height: number; bytes: Buffer }> {
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  const bytes = await res.body();
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes };
}

function metaContent(html: string, attr: "property" | "name", key: string): string | null {
  const tag = html.match(new RegExp(`<meta[^>]*${attr}="${key.replace(/[.:]/g, "\\$&")}"[^>]*>`))?.[0];
  return tag?.match(/content="([^"]*)"/)?.[1]?.replace(/&amp;/g, "&") ?? null;
}

test("course page: og/twitter tags and a 1200×630 PNG card", async ({ request }) => {
  const page = await request.get("/courses/fixture-course");
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(metaContent(html, "property", "og:title")).toBeTruthy();
  expect(metaContent(html, "property", "og:description")).toBeTruthy();
  expect(metaContent(html, "name", "twitter:card")).toBe("summary_large_image");
  const og = metaContent(html, "property", "og:image");
  const tw = metaContent(html, "name", "twitter:image");
  expect(og).toContain("/courses/fixture-course/opengraph-image");
  expect(metaContent(html, "property", "og:image:width")).toBe("1200");
  expect(metaContent(html, "property", "og:image:height")).toBe("630");
  for (const url of [og!, tw!]) {
    const { pathname, search } = new URL(url);
    const { width, height } = await pngSize(await request.get(pathname + search));
    expect([width, height]).toEqual([1200, 630]);
  }
  expect((await request.get("/courses/no-such-course/opengraph-image")).status()).toBe(404);
});

test("verify page: card with the holder and status, changed by a revocation; bad codes are 4xx", async ({ browser, request, baseURL }) => {
  const trainer = await createTrainer({ name: `Olivia Graph ${Date.now()}` });
  const course = await db.course.findFirstOrThrow({ where: { slug: "fixture-course" }, select: { id: true, title: true, version: true, contactMinutes: true } });
  const code = generateCertificateCode();
  const cert = await db.certificate.create({
    data: {
      code,
      userId: trainer.id,
      courseId: course.id,
      trainerName: trainer.name,
      certificationNumber: "NFPT-OG-1",
      certifyingBody: "NFPT",
      courseTitle: course.title,
      courseVersion: course.version,
      contactMinutes: course.contactMinutes,
      creditHundredths: 20,
      scorePercent: 90,
      completedAt: new Date(),
    },
  });

  const html = await (await request.get(`/verify/${code}`)).text();
  expect(metaContent(html, "property", "og:title")).toMatch(/^Verified certificate/);
  expect(metaContent(html, "property", "og:description")).toContain(trainer.name);
  expect(metaContent(html, "name", "twitter:card")).toBe("summary_large_image");
  const og = new URL(metaContent(html, "property", "og:image")!);
  expect(og.pathname).toBe(`/verify/${code}/opengraph-image`);
  expect(new URL(metaContent(html, "name", "twitter:image")!).pathname).toBe(`/verify/${code}/twitter-image`);

  const before = await request.get(og.pathname + og.search);
  expect(before.headers()["cache-control"]).toContain("no-store");
  const issued = await pngSize(before);
  expect([issued.width, issued.height]).toEqual([1200, 630]);
  // Rendering is deterministic: the same status draws the same bytes.
  expect((await pngSize(await request.get(og.pathname))).bytes.equals(issued.bytes)).toBe(true);

  // Revoke through the admin API, on the server that answered (its verify cache is dropped).
  const admin = await createAdmin();
  const context = await browser.newContext();
  await signInAs(context, admin);
  const revoke = await context.request.post(`/api/admin/certificates/${cert.id}/revoke`, { data: { reason: "Issued in error for the OG test" }, headers: { origin: baseURL! } });
  expect(revoke.status(), await revoke.text()).toBe(200);
  await context.close();

  const revoked = await pngSize(await request.get(og.pathname));
  expect([revoked.width, revoked.height]).toEqual([1200, 630]);
  expect(revoked.bytes.equals(issued.bytes)).toBe(false);
  expect(metaContent(await (await request.get(`/verify/${code}`)).text(), "property", "og:title")).toMatch(/^Revoked certificate/);

  // Unknown codes are 404, malformed ones 400: never a 500.
  expect((await request.get(`/verify/${generateCertificateCode()}/opengraph-image`)).status()).toBe(404);
  expect((await request.get("/verify/not-a-code/opengraph-image")).status()).toBe(400);
  expect((await request.get("/verify/not-a-code/twitter-image")).status()).toBe(400);
});
