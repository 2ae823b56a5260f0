"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmailField } from "@/components/account-fields";
import { useActionForm } from "@/components/use-action-form";
import { initialFormState } from "@/lib/form-state";
import { AuthCard, textLinkClass } from "../../_components/auth-card";
import { useHeadingFocus } from "../../_components/use-heading-focus";
import { requestResetAction } from "../actions";

const backToSignIn = (
  <>
    Remembered it?{" "}
    <Link href="/login" className={textLinkClass}>
      Back to sign in
    </Link>
  </>
);

/** The form, or what happened; "Try another address" starts a fresh form. */
export function ForgotPassword() {
  const [round, setRound] = useState(0);
  return <ForgotPasswordForm key={round} onRestart={() => setRound((r) => r + 1)} />;
}

function ForgotPasswordForm({ onRestart }: { onRestart: () => void }) {
  const { state, pending, formProps } = useActionForm(requestResetAction, initialFormState);
  const headingRef = useHeadingFocus(state.status === "success", state);

  if (state.status === "success") {
    return (
      <AuthCard
        icon="mail"
        headingRef={headingRef}
        title="Check your inbox"
        description={
          <p role="status">If an account exists for that address, we&apos;ve sent a link to reset the password.</p>
        }
        footer={backToSignIn}
        data-testid="forgot-password-sent"
      >
        <ul className="space-y-2 rounded-xl bg-sunken px-4 py-3 text-sm text-ink-muted">
          <li>The link works once, for an hour.</li>
          <li>
            Nothing there after a few minutes? Check your spam folder, or make sure you used the address you signed up
            with.
          </li>
        </ul>
        <Button variant="secondary" block className="mt-6" onClick={onRestart}>
          Try another address
        </Button>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      icon="lock"
      title="Forgot your password?"
      description="Enter the email address of your account and we'll send you a link to choose a new password."
      footer={backToSignIn}
    >
      <form {...formProps} className="space-y-5">
        <EmailField defaultValue={state.values?.email} error={state.fields?.email} />
        <Button type="submit" block size="lg" pending={pending} pendingText="Sending…">
          Send reset link
        </Button>
      </form>
    </AuthCard>
  );
}
