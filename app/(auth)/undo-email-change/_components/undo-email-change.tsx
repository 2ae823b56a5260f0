"use client";

import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/use-action-form";
import { AuthCard, textLinkClass } from "../../_components/auth-card";
import { useHeadingFocus } from "../../_components/use-heading-focus";
import type { UndoLinkState } from "@/lib/auth/email-change-undo";
import { undoEmailChangeAction, type UndoState } from "../actions";
import { UndoProblem } from "./undo-problem";

export interface UndoEmailChangeProps {
  token: string;
  /** What the link looked like when the page was loaded: the masked address it restores, or why it won't. */
  link: UndoLinkState;
}

const idle: UndoState = { status: "idle" };

/** Says what the undo does, and does it only when the button is pressed. */
export function UndoEmailChange({ token, link }: UndoEmailChangeProps) {
  const { state, pending, formProps } = useActionForm(undoEmailChangeAction, idle, {
    isFailure: (s) => s.status === "error" && !s.problem,
  });
  const headingRef = useHeadingFocus(state.status === "success");

  if (state.status === "success") {
    return (
      <AuthCard
        icon="check"
        headingRef={headingRef}
        title="The email change is undone"
        description={
          <>
            Your address is <strong className="font-semibold break-all text-ink">{state.maskedEmail}</strong> again, and
            every device was signed out. Whoever changed it may know your password: choose a new one.
          </>
        }
        data-testid="undo-email-done"
        footer={
          <Link href="/login" className={textLinkClass}>
            Sign in
          </Link>
        }
      >
        <Link href="/forgot-password" className={buttonClasses({ block: true, size: "lg" })}>
          Reset my password
        </Link>
      </AuthCard>
    );
  }

  if (state.problem) return <UndoProblem reason={state.problem} focus />;
  if (!link.ok) return <UndoProblem reason={link.reason} />;

  return (
    <AuthCard
      icon="lock"
      title="Undo the email change"
      description={
        <>
          Your address goes back to <strong className="font-semibold break-all text-ink">{link.maskedEmail}</strong> and
          every session on every device is signed out.
        </>
      }
      data-testid="undo-email-change"
    >
      <form {...formProps} className="space-y-4">
        {state.status === "error" && state.message ? <FormAlert tone="error">{state.message}</FormAlert> : null}
        <input type="hidden" name="token" value={token} />
        <Button type="submit" block size="lg" pending={pending} pendingText="Undoing…">
          Undo the change
        </Button>
      </form>
    </AuthCard>
  );
}
