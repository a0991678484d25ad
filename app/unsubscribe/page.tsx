import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui";
import { findUnsubscribeTarget } from "@/lib/reminders/unsubscribe.server";

export const metadata: Metadata = { title: "Renewal reminders", robots: { index: false } };
export const dynamic = "force-dynamic";

const box = "mx-auto mt-12 max-w-lg rounded-xl border border-slate-200 p-6 dark:border-slate-800";

// Opening the link never unsubscribes by itself (mail scanners open links); the button does.
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string; done?: string }> }) {
  const { token, done } = await searchParams;
  if (done) {
    return (
      <div className={box}>
        <h1 className="text-2xl font-bold">Reminders turned off</h1>
        <p className="mt-2">You will get no more renewal reminder mail. You can turn reminders back on from your account page.</p>
        <Link href="/account" className="mt-4 inline-block font-medium underline">
          Your account
        </Link>
      </div>
    );
  }
  const target = token ? await findUnsubscribeTarget(token).catch(() => null) : null;
  if (!token || !target) {
    return (
      <div className={box}>
        <h1 className="text-2xl font-bold">This link does not work</h1>
        <p className="mt-2">Sign in and turn renewal reminders off on your account page instead.</p>
      </div>
    );
  }
  return (
    <div className={box}>
      <h1 className="text-2xl font-bold">Stop renewal reminders?</h1>
      <p className="mt-2">
        Renewal reminder mail for <strong className="break-all">{target.email}</strong> will stop. Notices about your certificates still arrive.
      </p>
      <form method="post" action={`/api/reminders/unsubscribe?token=${encodeURIComponent(token)}`} className="mt-4">
        <button type="submit" className={buttonClass()}>
          Unsubscribe
        </button>
      </form>
    </div>
  );
}
