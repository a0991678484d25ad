import Link from "next/link";
import { buttonClass } from "@/components/ui";

export default function HomePage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-16">
      <section className="max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-100">Continuing education for personal trainers</p>
        <h1 className="mt-3 text-4xl font-bold tracking-tight sm:text-5xl">Learn it well. Prove it. Keep your certification current.</h1>
        <p className="mt-6 text-lg text-slate-700 dark:text-slate-300">
          Read practical, evidence-informed lessons, pass a server-graded assessment, and earn CEC credits tracked against your
          recertification cycle — with a certificate anyone can verify.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/courses" className={buttonClass({ size: "lg" })}>
            Browse courses
          </Link>
          <Link
            href="/sign-up"
            className={buttonClass({ variant: "secondary", size: "lg" })}
          >
            Create a trainer account
          </Link>
        </div>
      </section>
      <section aria-labelledby="how" className="mt-16">
        <h2 id="how" className="text-2xl font-semibold">
          How it works
        </h2>
        <ol className="mt-6 grid grid-cols-1 gap-6 sm:grid-cols-3">
          {[
            ["Read", "Lessons written for trainers, with diagrams, cues and key takeaways. Your place is saved as you go."],
            ["Pass", "A final assessment graded on the server. Review every answer with an explanation afterwards."],
            ["Earn", "CEC credits recorded once per course, counted against your cycle, and a verifiable certificate."],
          ].map(([title, text], i) => (
            <li key={title} className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
              <p className="text-sm font-semibold text-brand-700 dark:text-brand-100">Step {i + 1}</p>
              <h3 className="mt-1 text-lg font-semibold">{title}</h3>
              <p className="mt-2 text-slate-700 dark:text-slate-300">{text}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
