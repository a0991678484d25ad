"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";

export function SessionActions() {
  const everywhere = useApiForm({ url: "/api/account/sign-out-everywhere" });
  const [leaving, setLeaving] = useState<"here" | "everywhere" | null>(null);

  async function signOutEverywhere() {
    const result = await everywhere.submit({});
    if (!result.ok) return;
    setLeaving("everywhere");
    // The server already refuses this session; this clears the cookie in this browser too.
    await signOut({ callbackUrl: "/sign-in" });
  }

  return (
    <div className="space-y-4">
      <FormError message={everywhere.error} />
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
          pending={everywhere.pending || leaving === "everywhere"}
          pendingLabel="Signing out everywhere…"
          disabled={leaving !== null}
          onClick={signOutEverywhere}
        >
          Sign out everywhere
        </SubmitButton>
      </div>
    </div>
  );
}
