import type { ReactNode } from "react";
import { getSessionUser } from "@/lib/auth/session.server";
import { AdminNav } from "./admin-nav-client";

// The sub-nav is shown to admins only; each page still checks the role itself.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (user?.role !== "ADMIN") return children;
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <AdminNav />
      <div className="mt-6">{children}</div>
    </div>
  );
}
