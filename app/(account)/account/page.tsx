import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Badge, Card } from "@/components/ui";
import { getAccount } from "@/lib/auth/account.server";
import { getSessionUser } from "@/lib/auth/session.server";
import { getCprAedCard, listCertifications } from "@/lib/certifications/certifications.server";
import { Certifications } from "./certifications-client";
import { ChangePasswordForm } from "./change-password-client";
import { CprAedCardForm, ReminderToggle } from "./cpr-card-client";
import { ProfileForm } from "./profile-form-client";
import { SessionActions } from "./session-actions-client";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);


export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/account");
  const [account, certifications, card] = await Promise.all([getAccount(user.id), listCertifications(user.id), getCprAedCard(user.id)]);
  const p = account.profile;
  // Only the values the forms show go to the client.
  const profile = {
    name: account.name,
    timeZone: account.timeZone,
    certification: p
      ? { certifyingBody: p.certifyingBody, certificationNumber: p.certificationNumber, firstCertifiedOn: day(p.firstCertifiedOn) ?? "", certificationExpiresOn: day(p.certificationExpiresOn) }
      : null,
  };
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Signed in as <strong className="break-all">{account.email}</strong>
        {account.role === "ADMIN" && <Badge tone="info" className="ml-2">
            Administrator
          </Badge>}
      </p>

      <Card aria-labelledby="profile-heading" className="mt-8">
        <h2 id="profile-heading" className="text-xl font-semibold">
          Profile and certification
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          The certification here is your primary one: certificates you earn from now on use it; certificates already issued keep theirs.
        </p>
        <div className="mt-5">
          <ProfileForm initial={profile} />
        </div>
      </Card>

      <Card aria-labelledby="certifications-heading" className="mt-8">
        <h2 id="certifications-heading" className="text-xl font-semibold">
          All your certifications
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Hold more than one (say NFPT and ACE)? Add each: a course credits every certification whose body gives credit for it, and each has its own cycle.
        </p>
        <div className="mt-5">
          <Certifications items={certifications.map(({ retiredAt, ...c }) => ({ ...c, retired: retiredAt !== null }))} />
        </div>
      </Card>

      <Card aria-labelledby="cpr-heading" className="mt-8">
        <h2 id="cpr-heading" className="text-xl font-semibold">
          CPR/AED certificate
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">ACE and NASM require a current CPR/AED certificate to renew.</p>
        <div className="mt-5">
          <CprAedCardForm card={card} />
        </div>
      </Card>

      <Card aria-labelledby="reminders-heading" className="mt-8">
        <h2 id="reminders-heading" className="text-xl font-semibold">
          Renewal reminders
        </h2>
        <div className="mt-3">
          <ReminderToggle off={account.remindersOffAt !== null} />
        </div>
      </Card>

      <Card aria-labelledby="password-heading" className="mt-8">
        <h2 id="password-heading" className="text-xl font-semibold">
          Change password
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Other devices are signed out when you change it.</p>
        <div className="mt-5">
          <ChangePasswordForm email={account.email} />
        </div>
      </Card>

      <Card aria-labelledby="sessions-heading" className="mt-8">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          Sessions
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Lost a phone or signed in on a shared computer? Signing out everywhere ends every session, this one included.
        </p>
        <div className="mt-5">
          <SessionActions />
        </div>
      </Card>
    </div>
  );
}
