"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { callApi } from "@/components/api/call-api";
import { SubmitButton } from "@/components/forms/submit-button";
import { ConfirmDialog } from "@/components/ui/dialog";

export function SessionActions() {
  const [leaving, setLeaving] = useState<"here" | "everywhere" | null>(null);
  const [asking, setAsking] = useState(false);

  // Runs from the confirm dialog: an error stays in the dialog; success leaves the page.
  async function signOutEverywhere(): Promise<string | null> {
    const result = await callApi("/api/account/sign-out-everywhere", { body: {} });
    if (!result.ok) return result.message;
    setLeaving("everywhere");
    // The server already refuses this session; this clears the cookie in this browser too.
    await signOut({ callbackUrl: "/sign-in" });
    return null;
  }

  return (
    <div className="flex flex-wrap gap-3">
      <SubmitButton
        type="button"
        variant="secondary"
        pending={leaving === "here"}
        pendingLabel="Signing out…"
        disabled={leaving !== null}
        onClick={async () => {
          setLeaving("here");
          await signOut({ callbackUrl: "/" });
        }}
      >
        Sign out
      </SubmitButton>
      <SubmitButton
        type="button"
        variant="danger"
        pending={leaving === "everywhere"}
        pendingLabel="Signing out everywhere…"
        disabled={leaving !== null}
        onClick={() => setAsking(true)}
      >
        Sign out everywhere
      </SubmitButton>
      <ConfirmDialog
        open={asking}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        busyLabel="Signing out everywhere…"
        onCancel={() => setAsking(false)}
        onConfirm={signOutEverywhere}
      >
        <p>Every browser and device signed in to your account, this one included, is signed out at once. You will need your password to sign in again.</p>
      </ConfirmDialog>
    </div>
  );
}
