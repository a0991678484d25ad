// The shape issue, reissue and auto-issue return, and the transaction settings they share.

export type TCertificateSummary = {
  id: string;
  code: string;
  status: "ISSUED" | "REVOKED";
  userId: string;
  courseId: string;
  issuedAt: string;
};

export const CERTIFICATE_SUMMARY_SELECT = { id: true, code: true, status: true, userId: true, courseId: true, issuedAt: true } as const;

export function toCertificateSummary(row: { id: string; code: string; status: "ISSUED" | "REVOKED"; userId: string; courseId: string; issuedAt: Date }): TCertificateSummary {
  return { id: row.id, code: row.code, status: row.status, userId: row.userId, courseId: row.courseId, issuedAt: row.issuedAt.toISOString() };
}

/**
 * Issue, revoke and reissue each run in one transaction that locks the row it changes (SELECT …
 * FOR UPDATE, certificate-locks.sql.server.ts), so parallel clicks, a bulk batch and auto-issue can
 * overlap safely. Signing and several lookups happen inside, hence the longer timeout.
 */
export const CERTIFICATE_TX_OPTIONS = { timeout: 15_000, maxWait: 10_000 } as const;
