"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// Add admin sections here.
const LINKS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/trainers", label: "Trainers" },
  { href: "/admin/certificates", label: "Certificates" },
  { href: "/admin/courses", label: "Courses" },
  { href: "/admin/records", label: "Provider records" },
  { href: "/admin/quizzes", label: "Quizzes" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/users", label: "Accounts" },
  { href: "/admin/outbox", label: "Outbox" },
] as const;

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="overflow-x-auto border-b border-slate-200 dark:border-slate-800">
      <ul className="flex min-w-max gap-1 text-sm">
        {LINKS.map((l) => {
          const current = l.href === "/admin" ? pathname === "/admin" : pathname === l.href || pathname.startsWith(`${l.href}/`);
          return (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2 font-medium ${
                  current
                    ? "border-brand-700 text-brand-800 dark:border-brand-100 dark:text-brand-100"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
                }`}
              >
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
