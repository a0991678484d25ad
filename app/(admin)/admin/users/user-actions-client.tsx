"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { callApi } from "@/components/learn/use-api";

type TProps = { userId: string; name: string; role: "TRAINER" | "ADMIN"; disabled: boolean; isSelf: boolean };

const buttonClass =
  "min-h-9 rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800";

/** Enable/disable and promote/demote one account; the server enforces the last-admin rule. */
export function UserActions({ userId, name, role, disabled, isSelf }: TProps) {
  const router = useRouter();
  const [busy, setBusy] = useState<"status" | "role" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  async function run(kind: "status" | "role", body: unknown, confirmText: string | null) {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(kind);
    setError(null);
    const result = await callApi(`/api/admin/users/${encodeURIComponent(userId)}/${kind}`, { body });
    if (!result.ok) {
      setBusy(null);
      setError(result.message);
      return;
    }
    if (isSelf) {
      // Own role or status changed: this session has ended.
      window.location.assign("/sign-in");
      return;
    }
    startTransition(() => {
      router.refresh();
      setBusy(null);
    });
  }

  const selfWarning = isSelf ? " You will be signed out." : "";
  return (
    <div className="min-w-40">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass}
          disabled={busy !== null}
          onClick={() => run("status", { disabled: !disabled }, disabled ? null : `Disable ${name}? They are signed out at once.${selfWarning}`)}
        >
          {busy === "status" ? "Saving…" : disabled ? "Enable" : "Disable"}
          <span className="sr-only"> {name}</span>
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={busy !== null}
          onClick={() =>
            run("role", { role: role === "ADMIN" ? "TRAINER" : "ADMIN" }, role === "ADMIN" ? `Make ${name} a trainer?${selfWarning}` : `Make ${name} an administrator?`)
          }
        >
          {busy === "role" ? "Saving…" : role === "ADMIN" ? "Make trainer" : "Make admin"}
          <span className="sr-only"> ({name})</span>
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-2 max-w-56 text-xs font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
