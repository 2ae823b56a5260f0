"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

export interface PendingSubmitButtonProps {
  className: string;
  /** What the button shows, given whether its form is being submitted. */
  children: (pending: boolean) => ReactNode;
}

/**
 * A form's submit button that ignores clicks while the form is pending. aria-disabled rather than
 * disabled, so it keeps focus and screen readers still announce it.
 */
export function PendingSubmitButton({ className, children }: PendingSubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
      className={className}
    >
      {children(pending)}
    </button>
  );
}
