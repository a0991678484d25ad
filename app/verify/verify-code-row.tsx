import type { InputHTMLAttributes } from "react";
import { buttonClass } from "@/components/ui";

/** The certificate-code box and its Verify button, on the verify page and on "no such certificate". */
export function VerifyCodeRow({ className, ...input }: { id: string; className: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={`${className} flex flex-col gap-3 sm:flex-row`}>
      <input
        name="code"
        type="text"
        required
        maxLength={120}
        autoComplete="off"
        spellCheck={false}
        placeholder="BKCE-XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX"
        className="min-h-11 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono uppercase dark:border-slate-600 dark:bg-slate-950"
        {...input}
      />
      <button type="submit" className={buttonClass({ size: "lg", className: "shrink-0" })}>
        Verify
      </button>
    </div>
  );
}
