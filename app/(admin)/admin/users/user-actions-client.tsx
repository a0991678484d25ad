"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { callApi } from "@/components/api/call-api";
import { Button } from "@/components/ui";
import { ConfirmDialog } from "@/components/ui/dialog";

type TProps = { userId: string; name: string; role: "TRAINER" | "ADMIN"; disabled: boolean; isSelf: boolean };

/** Enable/disable and promote/demote one account; the server enforces the last-admin rule. */
export function UserActions({ userId, name, role, disabled, isSelf }: TProps) {
  const router = useRouter();
  const [busy, setBusy] = useState<"status" | "role" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const [asking, setAsking] = useState<{ kind: "status" | "role"; body: unknown; title: string; text: string; label: string } | null>(null);

  function ask(kind: "status" | "role", body: unknown, confirm: { title: string; text: string; label: string } | null) {
    if (confirm) setAsking({ kind, body, ...confirm });
    else void run(kind, body);
  }

  async function run(kind: "status" | "role", body: unknown) {
    setAsking(null);
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
        <Button
          variant="secondary"
          size="sm"
          disabled={busy !== null}
          onClick={() =>
            ask("status", { disabled: !disabled }, disabled ? null : { title: `Disable ${name}?`, text: `They are signed out at once and cannot sign in until enabled again.${selfWarning}`, label: "Disable account" })
          }
        >
          {busy === "status" ? "Saving…" : disabled ? "Enable" : "Disable"}
          <span className="sr-only"> {name}</span>
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={busy !== null}
          onClick={() =>
            ask(
              "role",
              { role: role === "ADMIN" ? "TRAINER" : "ADMIN" },
              role === "ADMIN"
                ? { title: `Make ${name} a trainer?`, text: `They lose access to the admin console.${selfWarning}`, label: "Make trainer" }
                : { title: `Make ${name} an administrator?`, text: "They can issue and revoke certificates, adjust credit and manage accounts.", label: "Make admin" },
            )
          }
        >
          {busy === "role" ? "Saving…" : role === "ADMIN" ? "Make trainer" : "Make admin"}
          <span className="sr-only"> ({name})</span>
        </Button>
      </div>
      <ConfirmDialog
        open={asking !== null}
        title={asking?.title ?? ""}
        confirmLabel={asking?.label ?? "Confirm"}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (asking) void run(asking.kind, asking.body);
          return null;
        }}
      >
        <p>{asking?.text}</p>
      </ConfirmDialog>
      {error && (
        <p role="alert" className="mt-2 max-w-56 text-xs font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
