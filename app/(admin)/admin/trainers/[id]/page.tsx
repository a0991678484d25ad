import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, linkClass, Table as UiTable } from "@/components/ui";
import { notFound } from "next/navigation";
import { Fragment, type ReactNode } from "react";
import { getTrainerRecord } from "@/lib/admin/trainers.server";
import { formatCec } from "@/lib/credits/cec-amount";
import { CREDIT_KIND_LABELS } from "@/lib/credits/ledger-view";
import { AppError } from "@/lib/errors";
import { formatShortDate } from "@/lib/format/calendar-date";
import { formatDate, formatDateTime } from "@/lib/format/date-time";
import { isId } from "@/lib/ids";
import { requireAdminPage } from "../../admin-page-guard";
import { TrainerActions } from "./trainer-actions-client";

export const metadata: Metadata = { title: "Trainer · Admin" };
export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ id: string }> };

const th = "px-3 py-2 font-medium";
const td = "px-3 py-2";

function Section({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Card aria-labelledby={id}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {actions && <div className="flex flex-wrap gap-3 text-sm">{actions}</div>}
      </div>
      <div className="mt-3">{children}</div>
    </Card>
  );
}

type TColumn = string | { label: string; right: true };

function Table({ caption, columns, children, minWidth = "40rem" }: { caption: string; columns: TColumn[]; children: ReactNode; minWidth?: string }) {
  // A scrolling region of its own (labelled by the caption, focusable): the page never scrolls sideways.
  const id = `table-${caption.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <UiTable id={id} caption={caption} captionHidden layout="scroll" minWidthClass={minWidth === "56rem" ? "min-w-[56rem]" : "min-w-[40rem]"}>
      <thead className="bg-slate-50 text-slate-700 dark:bg-slate-950 dark:text-slate-300">
        <tr>
          {columns.map((c) =>
            typeof c === "string" ? (
              <th key={c} scope="col" className={th}>
                {c}
              </th>
            ) : (
              <th key={c.label} scope="col" className={`${th} text-right`}>
                {c.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </UiTable>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-600 dark:text-slate-400">{children}</p>;
}

export default async function AdminTrainerPage({ params }: TProps) {
  const { id } = await params;
  const admin = await requireAdminPage(`/admin/trainers/${encodeURIComponent(id)}`);
  if (!isId(id)) notFound();
  const record = await getTrainerRecord({ adminId: admin.id, userId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { user, profile, cycle } = record;
  const tz = admin.timeZone;
  const unit = profile?.unit ?? "CEC";
  const isSelf = user.id === admin.id;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/trainers" className={linkClass}>
          Trainers
        </Link>
        <span aria-hidden="true" className="mx-2 text-slate-500 dark:text-slate-400">
          /
        </span>
        <span aria-current="page">{user.name}</span>
      </nav>

      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{user.name}</h1>
          <p className="mt-1 break-all text-slate-700 dark:text-slate-300">{user.email}</p>
          <p className="mt-2 flex flex-wrap gap-2">
            {user.role === "ADMIN" && <Badge tone="muted">Administrator</Badge>}
            {user.disabledAt ? <Badge tone="warn">Disabled {formatDate(user.disabledAt, tz)}</Badge> : <Badge tone="ok">Active</Badge>}
            {!user.verified && <Badge tone="muted">Email not verified</Badge>}
          </p>
        </div>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href={`/admin/audit?user=${encodeURIComponent(user.id)}`} className={linkClass}>
            Audit log for this trainer
          </Link>
          <Link href={`/admin/users?q=${encodeURIComponent(user.email)}`} className={linkClass}>
            Account and role
          </Link>
        </p>
      </header>

      <Section id="actions-heading" title="Actions">
        <TrainerActions
          userId={user.id}
          name={user.name}
          disabled={user.disabledAt !== null}
          isSelf={isSelf}
          canAdjust={profile !== null && !isSelf}
          unit={unit}
          courses={record.courseOptions}
        />
      </Section>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Section id="profile-heading" title="Certification">
          {profile ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-600 dark:text-slate-400">Certifying body</dt>
              <dd>{profile.bodyName}</dd>
              <dt className="text-slate-600 dark:text-slate-400">Certification no.</dt>
              <dd className="font-mono">{profile.certificationNumber}</dd>
              <dt className="text-slate-600 dark:text-slate-400">First certified</dt>
              <dd>{formatShortDate(profile.firstCertifiedOn)}</dd>
              <dt className="text-slate-600 dark:text-slate-400">Expires</dt>
              <dd>{profile.certificationExpiresOn ? formatShortDate(profile.certificationExpiresOn) : "Not given"}</dd>
              <dt className="text-slate-600 dark:text-slate-400">Time zone</dt>
              <dd>{user.timeZone}</dd>
              <dt className="text-slate-600 dark:text-slate-400">Joined</dt>
              <dd>{formatDateTime(user.joinedAt, tz)}</dd>
              {record.certifications.slice(1).map(({ profile: other, summary }) => (
                <Fragment key={other.certificationId}>
                  <dt className="text-slate-600 dark:text-slate-400">Also holds</dt>
                  <dd>
                    {other.body} <span className="font-mono">{other.certificationNumber}</span>: cycle ends {formatShortDate(summary.current.cycle.endsOn)},{" "}
                    {summary.current.met ? "met" : `${formatCec(summary.current.remainingHundredths)} ${other.unit} still needed`}
                  </dd>
                </Fragment>
              ))}
            </dl>
          ) : (
            <Empty>No certification details on this account.</Empty>
          )}
        </Section>

        <Section id="cycle-heading" title="Current cycle">
          {cycle && profile ? (
            <>
              <p className="text-sm">
                {formatShortDate(cycle.cycle.startsOn)} to {formatShortDate(cycle.cycle.endsOn)} · {cycle.daysLeft} day{cycle.daysLeft === 1 ? "" : "s"} left
              </p>
              <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                <div>
                  <dt className="text-slate-600 dark:text-slate-400">Required</dt>
                  <dd className="text-lg font-semibold tabular-nums">{formatCec(cycle.requiredHundredths)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600 dark:text-slate-400">Earned</dt>
                  <dd className="text-lg font-semibold tabular-nums">{formatCec(cycle.earnedHundredths)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600 dark:text-slate-400">Carried in</dt>
                  <dd className="text-lg font-semibold tabular-nums">{formatCec(cycle.carriedInHundredths)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600 dark:text-slate-400">Still needed</dt>
                  <dd className="text-lg font-semibold tabular-nums">{formatCec(cycle.remainingHundredths)}</dd>
                </div>
              </dl>
              <p className="mt-3">
                {cycle.met ? <Badge tone="ok">Requirement met</Badge> : cycle.warning ? <Badge tone="warn">Not met, due within 60 days</Badge> : <Badge tone="muted">Not met yet</Badge>}
                <span className="ml-2 text-sm text-slate-600 dark:text-slate-400">Amounts in {unit}.</span>
              </p>
            </>
          ) : (
            <Empty>No certification cycle: this account has no certification details.</Empty>
          )}
        </Section>
      </div>

      <Section id="progress-heading" title="Lesson progress">
        {record.courses.length === 0 ? (
          <Empty>No lessons opened yet.</Empty>
        ) : (
          <div className="space-y-6">
            {record.courses.map((course) => (
              <div key={course.id}>
                <h3 className="font-medium">
                  {course.title}{" "}
                  <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
                    ({course.completedLessons} of {course.lessons.length} lessons completed{course.awarded ? "; credit awarded" : ""})
                  </span>
                </h3>
                <div className="mt-2">
                  <Table
                    caption={`Lesson progress in ${course.title}`}
                    columns={["Lesson", "Started", "Completed", { label: "Read", right: true }]}
                  >
                    {course.lessons.map((lesson) => (
                      <tr key={lesson.id} className="border-t border-slate-100 dark:border-slate-800">
                        <th scope="row" className={`${td} font-normal`}>
                          {lesson.title}
                        </th>
                        <td className={td}>{formatDateTime(lesson.startedAt, tz)}</td>
                        <td className={td}>{lesson.completedAt ? formatDateTime(lesson.completedAt, tz) : "Not yet"}</td>
                        <td className={`${td} text-right tabular-nums`}>{lesson.completedAt ? "100%" : lesson.startedAt ? `${lesson.lastPercent}%` : "—"}</td>
                      </tr>
                    ))}
                  </Table>
                </div>
              </div>
            ))}
          </div>
        )}
      </Section>

      <Section
        id="attempts-heading"
        title="Assessment attempts"
        actions={
          record.attempts.length > 0 && (
            <a href={`/api/admin/export/attempts?user=${encodeURIComponent(user.id)}`} className={linkClass} download>
              Download attempts (CSV)
            </a>
          )
        }
      >
        {record.attempts.length === 0 ? (
          <Empty>No attempts yet.</Empty>
        ) : (
          <Table
            caption="Assessment attempts, newest first"
            columns={["Assessment", { label: "Attempt", right: true }, "Started", "Submitted", { label: "Score", right: true }, "Result"]}
          >
            {record.attempts.map((a) => (
              <tr key={a.id} className="border-t border-slate-100 dark:border-slate-800">
                <th scope="row" className={`${td} font-normal`}>
                  {a.quizTitle}
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{a.courseTitle}</span>
                </th>
                <td className={`${td} text-right tabular-nums`}>{a.number}</td>
                <td className={td}>{formatDateTime(a.startedAt, tz)}</td>
                <td className={td}>{a.status === "GRADED" ? formatDateTime(a.submittedAt, tz) : a.status === "CLOSED" ? "Closed (course retired)" : "In progress"}</td>
                <td className={`${td} text-right tabular-nums`}>{a.scorePercent === null ? "—" : `${a.scorePercent}%`}</td>
                <td className={td}>
                  {a.status === "CLOSED" ? (
                    <Badge tone="muted">Closed</Badge>
                  ) : a.status !== "GRADED" ? (
                    <Badge tone="muted">Open</Badge>
                  ) : a.passed ? (
                    <Badge tone="ok">Passed</Badge>
                  ) : (
                    <Badge tone="warn">Not passed (needs {a.passMark}%)</Badge>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section
        id="ledger-heading"
        title="Credit ledger"
        actions={
          record.ledger.length > 0 && (
            <a href={`/api/admin/export/ledger?user=${encodeURIComponent(user.id)}`} className={linkClass} download>
              Download ledger (CSV)
            </a>
          )
        }
      >
        {record.ledger.length === 0 ? (
          <Empty>No credit entries yet.</Empty>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
              Oldest first; dates in the trainer’s time zone ({user.timeZone}). Net total {formatCec(record.ledgerTotals.netHundredths)} {unit} from{" "}
              {record.ledgerTotals.count} entr{record.ledgerTotals.count === 1 ? "y" : "ies"}.
            </p>
            <Table
              caption="Credit ledger, oldest first"
              minWidth="56rem"
              columns={["Date", "Kind", "Course", { label: "Amount", right: true }, "Reason", "Entered by", "Certificate"]}
            >
              {record.ledger.map((e) => (
                <tr key={e.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                  <th scope="row" className={`${td} whitespace-nowrap font-normal`}>
                    {formatShortDate(e.localDate)}
                  </th>
                  <td className={td}>
                    {CREDIT_KIND_LABELS[e.kind]}
                    {e.reversedOn && <span className="block text-xs text-slate-600 dark:text-slate-400">reversed {formatShortDate(e.reversedOn)}</span>}
                  </td>
                  <td className={td}>{e.course?.title ?? "—"}</td>
                  <td className={`${td} text-right tabular-nums`}>{formatCec(e.amountHundredths)}</td>
                  <td className={`${td} max-w-xs break-words`}>{e.reason ?? "—"}</td>
                  <td className={`${td} break-all`}>{e.createdBy ? e.createdBy.email : e.kind === "AWARD" ? "Automatic" : "—"}</td>
                  <td className={td}>{e.certificate ? `${e.certificate.code} (${e.certificate.status.toLowerCase()})` : "—"}</td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </Section>

      <Section
        id="certificates-heading"
        title="Certificates"
        actions={
          <Link href="/admin/certificates" className={linkClass}>
            Certificate queue
          </Link>
        }
      >
        {record.pendingRequests.length > 0 && (
          <ul className="mb-3 space-y-1 text-sm">
            {record.pendingRequests.map((r) => (
              <li key={r.id}>
                <Badge tone="warn">Waiting</Badge> {r.courseTitle}: requested {formatDateTime(r.createdAt, tz)}
              </li>
            ))}
          </ul>
        )}
        {record.certificates.length === 0 ? (
          <Empty>No certificates issued.</Empty>
        ) : (
          <Table
            caption="Certificates, newest first"
            columns={["Code", "Course", "Status", "Issued", { label: "Credit", right: true }]}
          >
            {record.certificates.map((c) => (
              <tr key={c.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                <th scope="row" className={`${td} font-normal`}>
                  <Link href={`/verify/${encodeURIComponent(c.code)}`} className={`${linkClass} font-mono text-xs`}>
                    {c.code}
                  </Link>
                </th>
                <td className={td}>{c.courseTitle}</td>
                <td className={td}>
                  {c.status === "ISSUED" ? (
                    <Badge tone="ok">Issued</Badge>
                  ) : (
                    <>
                      <Badge tone="warn">Revoked {formatDate(c.revokedAt, tz)}</Badge>
                      {c.revocationReason && <span className="block text-xs text-slate-600 dark:text-slate-400">{c.revocationReason}</span>}
                    </>
                  )}
                </td>
                <td className={td}>{formatDateTime(c.issuedAt, tz)}</td>
                <td className={`${td} text-right tabular-nums`}>{formatCec(c.creditHundredths)}</td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section
        id="audit-heading"
        title="Recent audit entries"
        actions={
          <Link href={`/admin/audit?user=${encodeURIComponent(user.id)}`} className={linkClass}>
            See all
          </Link>
        }
      >
        {record.recentAudit.length === 0 ? (
          <Empty>Nothing recorded yet.</Empty>
        ) : (
          <ul className="space-y-2 text-sm">
            {record.recentAudit.map((a) => (
              <li key={a.id}>
                <span className="font-mono text-xs">{a.action}</span> · {formatDateTime(a.createdAt, tz)} · by {a.actor ? (a.actor.id === user.id ? "the trainer" : a.actor.email) : "the system"}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
