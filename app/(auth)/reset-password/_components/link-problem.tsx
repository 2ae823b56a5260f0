"use client";

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { LinkProblemCard } from "../../_components/link-problem-card";

const TEXT: Record<"invalid" | "expired" | "used", { title: string; text: string }> = {
  expired: {
    title: "This reset link has expired",
    text: "Reset links work for an hour. Ask for a new one; it only takes a moment.",
  },
  used: {
    title: "This reset link was already used",
    text: "Each reset link works once. If you still need to change your password, ask for a new link.",
  },
  invalid: {
    title: "This reset link isn't valid",
    text: "It may have been copied only in part, or a newer link replaced it. Ask for a new one.",
  },
};

export interface LinkProblemProps {
  reason: "invalid" | "expired" | "used";
  /** Move focus to the heading (when this replaces a form the reader was using). */
  focus?: boolean;
}

export function LinkProblem({ reason, focus = false }: LinkProblemProps) {
  return (
    <LinkProblemCard title={TEXT[reason].title} text={TEXT[reason].text} focus={focus} data-testid="reset-link-problem">
      <Link href="/forgot-password" className={buttonClasses({ block: true, size: "lg" })}>
        Ask for a new link
      </Link>
    </LinkProblemCard>
  );
}
