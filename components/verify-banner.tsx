"use client";

import { useActionState, useEffect } from "react";
import { resendVerificationAction } from "@/lib/auth/actions";
import { resendIdle, resendMessage } from "@/lib/auth/resend-message";
import { OutlineIcon } from "@/components/ui/icons";
import { PendingSubmitButton } from "./pending-submit-button";
import { Spinner } from "./ui/button";
import { useToast } from "./ui/toast";

export interface VerifyBannerProps {
  email: string;
}

const resendButtonClass =
  "inline-flex h-8 shrink-0 items-center gap-2 rounded-lg border border-amber-300 bg-white/70 px-3 text-sm font-semibold text-amber-950 shadow-sm transition hover:bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 dark:border-amber-700 dark:bg-amber-900/40 dark:text-amber-50 dark:hover:bg-amber-900/70 dark:focus-visible:outline-amber-300";

/** Shown on every page to a signed-in member whose email is not confirmed yet. */
export function VerifyBanner({ email }: VerifyBannerProps) {
  const [state, formAction] = useActionState(resendVerificationAction, resendIdle);
  const { toast } = useToast();

  useEffect(() => {
    if (state.status === "idle") return;
    const message = resendMessage(state);
    toast({ id: "verify-resend", message: message.text, tone: message.tone });
  }, [state, toast]);

  return (
    <div
      data-testid="verify-banner"
      className="border-b border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900/70 dark:bg-amber-950/50 dark:text-amber-50"
    >
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-2.5 text-sm sm:flex-row sm:items-center sm:justify-between sm:gap-4 sm:px-6">
        <p className="flex min-w-0 items-start gap-2">
          <OutlineIcon className="mt-0.5 size-4 shrink-0 text-amber-700 dark:text-amber-300">
            <rect x="2.5" y="4" width="15" height="12" rx="2" />
            <path d="m3.5 5.5 6.5 5 6.5-5" />
          </OutlineIcon>
          <span className="min-w-0">
            <strong className="font-semibold">Please confirm your email.</strong> We sent a link to{" "}
            <span className="font-medium break-all">{email}</span>.
          </span>
        </p>
        <form action={formAction} className="shrink-0 pl-6 sm:pl-0">
          <PendingSubmitButton className={resendButtonClass}>
            {(pending) => (
              <>
                {pending ? <Spinner className="size-3.5" /> : null}
                {pending ? "Sending…" : "Resend email"}
              </>
            )}
          </PendingSubmitButton>
        </form>
      </div>
    </div>
  );
}
