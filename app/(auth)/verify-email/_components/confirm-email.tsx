"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { AuthCard, type AuthCardIcon } from "../../_components/auth-card";
import { ResendByEmailForm } from "../../_components/resend-by-email-form";
import { useHeadingFocus } from "../../_components/use-heading-focus";
import { confirmEmailAction, type ConfirmState } from "../actions";
import { ResendForMember } from "@/app/_components/resend-for-member";

export interface ConfirmEmailProps {
  /** The token from the link, or null when the link had none. */
  token: string | null;
  /** Signed in: "send a new link" is one button; signed out, it asks for the address. */
  signedIn: boolean;
}

const idle: ConfirmState = { status: "idle" };

const FAILURES: Record<
  "invalid" | "expired" | "used" | "taken" | "error",
  { title: string; text: string; icon: AuthCardIcon }
> = {
  expired: {
    title: "This link has expired",
    text: "Confirmation links work for 24 hours. Ask for a new one and use it within a day.",
    icon: "warning",
  },
  used: {
    title: "This link was already used",
    text: "Each confirmation link works once. If your email still isn't confirmed, ask for a new link.",
    icon: "warning",
  },
  invalid: {
    title: "This link isn't valid",
    text: "It may have been copied only in part, or a newer link replaced it. Ask for a new one below.",
    icon: "warning",
  },
  taken: {
    title: "This address is taken",
    text: "Another account confirmed this email address first, so it can't be confirmed for yours. You can use a different address from Settings.",
    icon: "warning",
  },
  error: {
    title: "We couldn't confirm your email",
    text: "Something went wrong on our side. Please try the link again in a moment.",
    icon: "warning",
  },
};

/**
 * Opening the mailed link changes nothing, so mail scanners that follow links with GET don't use it up. The script
 * posts the token at once; without JavaScript the "Confirm my email" button does.
 */
export function ConfirmEmail({ token, signedIn }: ConfirmEmailProps) {
  const initial: ConfirmState = token ? idle : { status: "failed", reason: "invalid" };
  const [state, formAction, pending] = useActionState(confirmEmailAction, initial);
  const posted = useRef(false);

  useEffect(() => {
    if (!token || posted.current) return;
    posted.current = true;
    const data = new FormData();
    data.set("token", token);
    startTransition(() => formAction(data));
  }, [token, formAction]);

  // Tell keyboard and screen-reader users the outcome by moving focus to its heading.
  const headingRef = useHeadingFocus(state.status !== "idle", state);

  if (state.status === "confirmed") {
    return (
      <AuthCard
        icon="check"
        headingRef={headingRef}
        title="Your email is confirmed"
        description={
          <>
            Thanks! <strong className="font-semibold break-all text-ink">{state.email}</strong> is confirmed, so you can
            open rooms and chat.
          </>
        }
        data-testid="verify-confirmed"
      >
        {/* Sign-up signs nobody in (a new and a taken address must look alike), so this is often the next step. */}
        {signedIn ? (
          <Link href="/" className={buttonClasses({ block: true, size: "lg" })}>
            Explore rooms
          </Link>
        ) : (
          <Link href="/login" className={buttonClasses({ block: true, size: "lg" })}>
            Sign in
          </Link>
        )}
      </AuthCard>
    );
  }

  if (state.status === "failed" || state.status === "error") {
    const failure = FAILURES[state.status === "error" ? "error" : state.reason];
    const canResend = state.status === "failed" && state.reason !== "taken";
    return (
      <AuthCard
        icon={failure.icon}
        headingRef={headingRef}
        title={failure.title}
        description={failure.text}
        data-testid="verify-failed"
      >
        {canResend ? (
          signedIn ? (
            <ResendForMember />
          ) : (
            <div className="space-y-4">
              <p className="text-sm text-ink-muted">
                Enter the address you signed up with and we&apos;ll send a new link.
              </p>
              <ResendByEmailForm />
            </div>
          )
        ) : state.status === "error" && token ? (
          <form action={formAction}>
            <input type="hidden" name="token" value={token} />
            <Button type="submit" block size="lg" pending={pending} pendingText="Confirming…">
              Try again
            </Button>
          </form>
        ) : (
          <Link href="/" className={buttonClasses({ variant: "secondary", block: true })}>
            Back to Roomful
          </Link>
        )}
      </AuthCard>
    );
  }

  return (
    <AuthCard
      icon="mail"
      title="Confirm your email"
      description="Confirm that this address is yours to finish setting up your account."
    >
      <form action={formAction} className="space-y-4">
        <input type="hidden" name="token" value={token ?? ""} />
        <p role="status" className="sr-only">
          {pending ? "Confirming your email…" : ""}
        </p>
        <Button type="submit" block size="lg" pending={pending} pendingText="Confirming…">
          Confirm my email
        </Button>
      </form>
    </AuthCard>
  );
}
