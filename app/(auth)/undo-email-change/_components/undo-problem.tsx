"use client";

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { LinkProblemCard } from "../../_components/link-problem-card";

export type UndoProblemReason = "invalid" | "expired" | "used" | "taken";

// Nothing here says whose link it was: only what the reader can do next.
const TEXT: Record<UndoProblemReason, { title: string; text: string }> = {
  invalid: {
    title: "This undo link isn't valid",
    text: "It may have been copied only in part. Open the link from the mail again, exactly as it was sent.",
  },
  expired: {
    title: "This undo link has expired",
    text: "Undo links work for 7 days. If your email was changed without you, contact the Roomful team: we can help you get your account back.",
  },
  used: {
    title: "This undo link was already used",
    text: "Each undo link works once. If the change was undone, sign in with your old address; resetting your password is a good idea too.",
  },
  taken: {
    title: "This address can't be put back",
    text: "Another account uses it now, so the change can't be undone. Nothing was changed. Contact the Roomful team for help.",
  },
};

export interface UndoProblemProps {
  reason: UndoProblemReason;
  /** Move focus to the heading (when this replaces the button the reader just pressed). */
  focus?: boolean;
}

export function UndoProblem({ reason, focus = false }: UndoProblemProps) {
  return (
    <LinkProblemCard title={TEXT[reason].title} text={TEXT[reason].text} focus={focus} data-testid="undo-email-problem">
      <Link href="/forgot-password" className={buttonClasses({ variant: "secondary", block: true })}>
        Reset my password
      </Link>
    </LinkProblemCard>
  );
}
