import type { Metadata } from "next";
import Link from "next/link";
import { Badge, buttonClass, linkClass, Table } from "@/components/ui";
import { listUsers } from "@/lib/admin/list-users.server";
import { firstParam, pageParam, requireAdminPage } from "../admin-page-guard";
import { Pagination, pageHref, showingRange } from "../pagination";
import { UserActions } from "./user-actions-client";

export const metadata: Metadata = { title: "Trainers · Admin" };
export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: TProps) {
  const admin = await requireAdminPage("/admin/users");
  const sp = await searchParams;
  const q = (firstParam(sp.q) ?? "").trim().slice(0, 100);
  const list = await listUsers({ adminId: admin.id, q, page: pageParam(sp.page) });

  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">Trainers and admins</h1>
      <search>
        <form method="get" action="/admin/users" className="mt-4 flex max-w-xl flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="user-search" className="block text-sm font-medium">
              Search by name, email or certification number
            </label>
            <input
              id="user-search"
              name="q"
              type="search"
              defaultValue={q}
              maxLength={100}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
            />
          </div>
          <button type="submit" className={buttonClass({ size: "lg" })}>
            Search
          </button>
          {q && (
            <Link href="/admin/users" className={`min-h-11 px-2 py-2 text-sm ${linkClass}`}>
              Clear
            </Link>
          )}
        </form>
      </search>

      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {list.total === 0
          ? q
            ? `No accounts match “${q}”.`
            : "No accounts yet."
          : `${showingRange(list)} account${list.total === 1 ? "" : "s"}${q ? ` matching “${q}”` : ""}.`}
      </p>

      {list.rows.length > 0 && (
        <Table
          id="users"
          captionHidden
          caption="Accounts, newest first"
          minWidthClass="sm:min-w-[56rem]"
          className="relative mt-3 sm:rounded-lg sm:border sm:border-slate-200 sm:dark:border-slate-800"
        >
            <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2">Name</th>
                <th scope="col" className="px-3 py-2">Email</th>
                <th scope="col" className="px-3 py-2">Role</th>
                <th scope="col" className="px-3 py-2">Body</th>
                <th scope="col" className="px-3 py-2">Certification no.</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((u) => (
                <tr key={u.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {u.name}
                    {u.id === admin.id && <span className="ml-1 font-normal text-slate-600 dark:text-slate-400">(you)</span>}
                  </th>
                  <td data-label="Email" className="min-w-[14rem] px-3 py-2 [overflow-wrap:anywhere]">{u.email}</td>
                  <td data-label="Role" className="px-3 py-2">{u.role === "ADMIN" ? "Admin" : "Trainer"}</td>
                  <td data-label="Body" className="px-3 py-2">{u.certifyingBody ?? "—"}</td>
                  <td data-label="Certification no." className="px-3 py-2 font-mono text-xs">{u.certificationNumber ?? "—"}</td>
                  <td data-label="Status" className="space-x-1 px-3 py-2">
                    {u.disabled ? <Badge tone="warn">Disabled</Badge> : <Badge tone="ok">Active</Badge>}
                    {!u.verified && <Badge tone="muted">Unverified</Badge>}
                  </td>
                  <td data-label="Actions" className="px-3 py-2">
                    <UserActions userId={u.id} name={u.name} role={u.role} disabled={u.disabled} isSelf={u.id === admin.id} />
                  </td>
                </tr>
              ))}
            </tbody>
        </Table>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => pageHref("/admin/users", q ? { q } : {}, page)} label="Account pages" />
    </div>
  );
}
