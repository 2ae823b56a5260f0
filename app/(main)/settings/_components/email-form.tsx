"use client";

import { useActionState } from "react";
import { CurrentPasswordField, EmailField } from "@/components/account-fields";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ProofNeeded } from "@/lib/auth/recent-proof";
import { initialFormState } from "@/lib/form-state";
import { cancelEmailChangeAction, changeEmailAction, resendEmailChangeAction } from "../actions";
import { ConfirmIdentity } from "./confirm-identity";
import { useSuccessToast } from "./use-form-toast";
import { useSettingsForm } from "./use-settings-form";

export interface EmailFormProps {
  email: string;
  emailVerified: boolean;
  pendingEmail: { email: string; sentAt: Date } | null;
  /** What a change asks for first: the current password, or a recent sign-in. */
  proof: ProofNeeded;
}

export function EmailForm({ email, emailVerified, pendingEmail, proof }: EmailFormProps) {
  const { state, formAction, pending, formRef, fields, values, formError } = useSettingsForm(changeEmailAction);
  const [cancelState, cancelAction, cancelling] = useActionState(cancelEmailChangeAction, initialFormState);
  const [resendState, resendAction, resending] = useActionState(resendEmailChangeAction, initialFormState);
  useSuccessToast(cancelState, "settings-email");
  useSuccessToast(resendState, "settings-email-resend");

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="text-sm text-ink-muted">Current address</span>
        <span data-testid="current-email" className="min-w-0 font-medium break-all text-ink">
          {email}
        </span>
        {emailVerified ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-800 ring-1 ring-emerald-600/20 ring-inset dark:bg-emerald-950/60 dark:text-emerald-200">
            Verified
          </span>
        ) : (
          <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-600/25 ring-inset dark:bg-amber-950/60 dark:text-amber-100">
            Not verified yet
          </span>
        )}
      </div>

      {pendingEmail ? (
        <div data-testid="pending-email" className="space-y-3">
          <FormAlert
            tone="info"
            title="Waiting for confirmation"
            announce={state.status === "success" ? "status" : "none"}
          >
            We sent a link to <strong className="font-semibold break-all">{pendingEmail.email}</strong>{" "}
            <RelativeTime date={pendingEmail.sentAt} />. Your address changes once you open it; until then you keep
            using {email}.
          </FormAlert>
          <div className="flex flex-wrap gap-2">
            <form action={resendAction}>
              <Button type="submit" variant="secondary" size="sm" pending={resending} pendingText="Sending…">
                Send the link again
              </Button>
            </form>
            <form action={cancelAction}>
              <Button type="submit" variant="ghost" size="sm" pending={cancelling} pendingText="Cancelling…">
                Cancel the change
              </Button>
            </form>
          </div>
        </div>
      ) : null}

      <form ref={formRef} action={formAction} noValidate className="space-y-4" data-testid="email-form">
        {formError ? <FormAlert tone="error">{formError}</FormAlert> : null}
        {[cancelState, resendState].map((other, i) =>
          other.status === "error" && other.message ? (
            <FormAlert key={i} tone="error">
              {other.message}
            </FormAlert>
          ) : null,
        )}
        <ConfirmIdentity proof={proof} section="email" />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <EmailField
            label={pendingEmail ? "Use a different new address" : "New email address"}
            required
            placeholder="name@example.com"
            defaultValue={values?.email ?? ""}
            error={fields?.email}
            hint="We send a confirmation link to the new address. Nothing changes until you open it."
            className="min-w-0 flex-1"
          />
          {proof.kind === "password" ? (
            <CurrentPasswordField error={fields?.currentPassword} className="min-w-0 flex-1" />
          ) : null}
          <Button type="submit" pending={pending} pendingText="Sending…" className="sm:mt-7">
            Change email
          </Button>
        </div>
      </form>
    </div>
  );
}
