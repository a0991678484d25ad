import "server-only";
import { db } from "@/lib/db";
import { selectAwardedCourses } from "./dashboard-reads.sql.server";
import { pickCertificate } from "./ledger-view";

// The courses a trainer has finished (their credit was awarded), each with the certificate to show:
// the dashboard lists them so a completed course does not vanish from view.

export type TCompletedCourse = {
  slug: string;
  title: string;
  awardedAt: Date;
  amountHundredths: number;
  /** Reversed awards stay listed, marked, so the history matches the transcript. */
  reversed: boolean;
  certificate: { code: string; status: "ISSUED" | "REVOKED" } | null;
};

export async function listCompletedCourses({ userId }: { userId: string }): Promise<TCompletedCourse[]> {
  // One statement (dashboard-reads.sql.server.ts): the awards, their reversals and certificates
  // were three queries one after another as Prisma relations.
  const awards = await selectAwardedCourses(db, { userId });
  return awards.map((a) => ({
    slug: a.slug,
    title: a.title,
    awardedAt: a.occurredAt,
    amountHundredths: a.amountHundredths,
    reversed: a.reversed,
    certificate: pickCertificate(a.certificates),
  }));
}
