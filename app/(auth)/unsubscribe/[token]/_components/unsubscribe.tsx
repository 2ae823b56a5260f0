"use client";

import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/use-action-form";
import { AuthCard, textLinkClass } from "../../../_components/auth-card";
import { LinkProblemCard } from "../../../_components/link-problem-card";
import { useHeadingFocus } from "../../../_components/use-heading-focus";
import { unsubscribeAction, type UnsubscribeState } from "../actions";

export interface UnsubscribeProps {
  token: string;
  /** What the link named when the page loaded: the masked address and its current choice, or nothing. */
  link: { ok: true; maskedEmail: string; mode: "EACH" | "DAILY" | "OFF" } | { ok: false };
}

const idle: UnsubscribeState = { status: "idle" };

const settingsLink = (
  <Link href="/settings#notifications" className={textLinkClass}>
    Email settings
  </Link>
);

/** Explains what unsubscribing does, and does it only when the button is pressed. */
export function Unsubscribe({ token, link }: UnsubscribeProps) {
  const { state, pending, formProps } = useActionForm(unsubscribeAction, idle, {
    isFailure: (s) => s.status === "error" && !s.invalid,
  });
  const headingRef = useHeadingFocus(state.status === "success");

  if (state.status === "success") {
    return (
      <AuthCard
        icon="check"
        headingRef={headingRef}
        title="You're unsubscribed"
        description={
          <>
            <strong className="font-semibold break-all text-ink">{state.maskedEmail}</strong> gets no more emails about
            mentions and replies. Your inbox on Roomful still shows them.
          </>
        }
        data-testid="unsubscribe-done"
        footer={settingsLink}
      >
        <Link href="/settings#notifications" className={buttonClasses({ variant: "secondary", block: true })}>
          Turn emails back on in settings
        </Link>
      </AuthCard>
    );
  }

  if (!link.ok || state.invalid) {
    return (
      <LinkProblemCard
        title="This link is not valid"
        text="It may have been copied only in part. Open the link from the email again, exactly as it was sent, or change your email settings after signing in."
        focus={state.invalid}
        data-testid="unsubscribe-invalid"
      >
        <Link href="/settings#notifications" className={buttonClasses({ variant: "secondary", block: true })}>
          Email settings
        </Link>
      </LinkProblemCard>
    );
  }

  return (
    <AuthCard
      icon="mail"
      title="Unsubscribe from away emails"
      description={
        <>
          <strong className="font-semibold break-all text-ink">{link.maskedEmail}</strong>{" "}
          {link.mode === "OFF"
            ? "already gets no emails about mentions and replies."
            : "gets an email when a mention or reply waits unread. Unsubscribe to stop them; your Roomful inbox still shows everything."}
        </>
      }
      data-testid="unsubscribe"
      footer={settingsLink}
    >
      <form {...formProps} className="space-y-4">
        {state.status === "error" && state.message ? <FormAlert tone="error">{state.message}</FormAlert> : null}
        <input type="hidden" name="token" value={token} />
        <Button type="submit" block size="lg" pending={pending} pendingText="Unsubscribing…">
          Unsubscribe
        </Button>
      </form>
    </AuthCard>
  );
}
