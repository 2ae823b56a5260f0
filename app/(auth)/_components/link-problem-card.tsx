"use client";
// What a mailed link's page shows when the link cannot be used (invalid, expired, used …): what happened, what to do
// next, and the way back to sign-in. Nothing in it says whose link it was.
import Link from "next/link";
import type { ReactNode } from "react";
import { AuthCard, textLinkClass } from "./auth-card";
import { useHeadingFocus } from "./use-heading-focus";

export interface LinkProblemCardProps {
  title: string;
  text: string;
  /** Move focus to the heading (when this replaces a form or button the reader was using). */
  focus?: boolean;
  "data-testid": string;
  /** The next step, e.g. a link to ask for a new one. */
  children: ReactNode;
}

export function LinkProblemCard({ title, text, focus = false, children, "data-testid": testId }: LinkProblemCardProps) {
  const headingRef = useHeadingFocus(focus);
  return (
    <AuthCard
      icon="warning"
      headingRef={headingRef}
      title={title}
      description={text}
      data-testid={testId}
      footer={
        <Link href="/login" className={textLinkClass}>
          Back to sign in
        </Link>
      }
    >
      {children}
    </AuthCard>
  );
}
