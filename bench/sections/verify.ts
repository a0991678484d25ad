import { generateCertificateCode } from "@/lib/certificates/certificate-code";
import type { TBenchContext } from "../context";
import { record } from "../figures";
import { load, measureCpu, median } from "../lib";
import { alternatingRounds } from "./pages";

// The public verify page and JSON API against the trivial page, in alternating rounds of the same
// run, with the per-address limit raised (still counted: every lookup pays for the limiter). The
// section seeds its own trainer and certificate, so `npm run bench -- verify` works alone.

export async function seedCertificate(ctx: TBenchContext): Promise<string> {
  const { db } = ctx;
  const user = await ctx.makeTrainer("verify");
  const course = await db.course.findFirstOrThrow({ where: { slug: "back-care" }, select: { id: true, title: true, version: true, contactMinutes: true } });
  const code = generateCertificateCode();
  await db.certificate.create({
    data: {
      code,
      userId: user.id,
      courseId: course.id,
      trainerName: user.name,
      certificationNumber: "B-VERIFY-1",
      certifyingBody: "NFPT",
      courseTitle: course.title,
      courseVersion: course.version,
      contactMinutes: course.contactMinutes,
      creditHundredths: 40,
      scorePercent: 100,
      completedAt: new Date(),
    },
  });
  return code;
}

export async function benchVerify(ctx: TBenchContext) {
  const base = await ctx.server();
  const code = await seedCertificate(ctx);
  const page = `${base}/verify/${code}`;
  const api = `${base}/api/verify/${code}`;
  for (const url of [page, api]) {
    const res = await fetch(url);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  }
  const { rps, loads } = await alternatingRounds([`${base}/`, page, api], { rounds: 5 });
  const [trivial, pageRps, apiRps] = rps.map(median);
  const detail = `rounds: trivial ${rps[0].join(", ")}; page ${rps[1].join(", ")}; API ${rps[2].join(", ")} req/s`;
  const at = (k: number) => loads.filter((_, i) => i % 3 === k);
  record("verifyTrivialRps", { figure: "Trivial page, same rounds as verify, 50 clients", value: trivial, unit: " req/s", loads: at(0), detail });
  record("verifyPageRps", { figure: "Verify page, 50 clients", value: pageRps, unit: " req/s", loads: at(1), detail });
  record("verifyApiRps", { figure: "Verify API, 50 clients", value: apiRps, unit: " req/s", loads: at(2), detail });
  // One more round each with CPU accounting: what a request costs the server and PostgreSQL.
  const pid = ctx.serverPid()!;
  for (const [key, name, url] of [
    ["verifyTrivialCpuMs", "Trivial page", `${base}/`],
    ["verifyPageCpuMs", "Verify page", page],
    ["verifyApiCpuMs", "Verify API", api],
  ] as const) {
    const { result, cpu } = await measureCpu(pid, ctx.postgresPids, () => load({ url, duration: 3 }));
    record(key, {
      figure: `${name}: server CPU per request`,
      value: cpu.serverMs / result.requests,
      unit: " ms",
      loads: [result],
      detail: `PostgreSQL ${(cpu.postgresMs / result.requests).toFixed(2)} ms, load generator ${(cpu.loadGeneratorMs / result.requests).toFixed(2)} ms per request`,
    });
  }
  record("verifyPageToTrivialRatio", { figure: "Verify page / trivial page throughput", value: pageRps / trivial, unit: "×", target: { op: ">=", limit: 0.5 }, loads: [...at(0), ...at(1)] });
  record("verifyApiToTrivialRatio", { figure: "Verify API / trivial page throughput", value: apiRps / trivial, unit: "×", target: { op: ">=", limit: 0.5 }, loads: [...at(0), ...at(2)] });
}
