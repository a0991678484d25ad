"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Button } from "./button";

// One modal for the whole site: the native <dialog> (focus trap, Escape and the inert page come
// from the browser), styled once. ConfirmDialog is the only way a destructive action asks "are you
// sure?": no window.confirm, whose look and wording the site cannot control.

type TDialogProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  /** "alertdialog" for confirmations that interrupt a task. */
  role?: "dialog" | "alertdialog";
};

export function Dialog({ open, onClose, title, children, role = "dialog" }: TDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const id = useId();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      el.showModal();
    } else if (!open) {
      if (el.open) el.close();
      // Focus goes back to what opened the dialog (closed by a button, Escape or the caller), as
      // long as it is still on the page: a row that was just revoked or retired may be gone.
      const back = opener.current;
      opener.current = null;
      if (back?.isConnected) back.focus();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-labelledby={`${id}-title`}
      aria-modal="true"
      onClose={() => open && onClose()}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {open && (
        <div className="p-6">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}

type TConfirmProps = {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  tone?: "danger" | "primary";
  /** Resolves to an error message to show, or null when done (the caller then closes). */
  onConfirm: () => Promise<string | null> | string | null;
  onCancel: () => void;
};

export function ConfirmDialog({ open, title, children, confirmLabel, busyLabel, tone = "danger", onConfirm, onCancel }: TConfirmProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  return (
    <Dialog open={open} onClose={onCancel} title={title} role="alertdialog">
      <div className="mt-2 text-sm text-slate-700 dark:text-slate-300">{children}</div>
      {error && (
        <p role="alert" className="mt-3 text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant={tone === "danger" ? "danger" : "primary"}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const problem = await onConfirm();
            setBusy(false);
            setError(problem);
          }}
        >
          {busy ? (busyLabel ?? `${confirmLabel}…`) : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
