import "server-only";
import { db } from "@/lib/db";
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
  const awards = await db.creditEntry.findMany({
    where: { userId, kind: "AWARD", awardCourseId: { not: null } },
    orderBy: { occurredAt: "desc" },
    select: {
      occurredAt: true,
      amountHundredths: true,
      reversedBy: { select: { id: true } },
      awardCourse: {
        select: {
          slug: true,
          title: true,
          certificates: { where: { userId }, orderBy: { issuedAt: "desc" }, select: { code: true, status: true } },
        },
      },
    },
  });
  return awards.flatMap((a) =>
    a.awardCourse
      ? [
          {
            slug: a.awardCourse.slug,
            title: a.awardCourse.title,
            awardedAt: a.occurredAt,
            amountHundredths: a.amountHundredths,
            reversed: a.reversedBy !== null,
            certificate: pickCertificate(a.awardCourse.certificates),
          },
        ]
      : [],
  );
}
