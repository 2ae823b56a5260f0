"use client";

import { useState, type ReactNode, type Ref } from "react";
import { CloseIcon } from "@/components/outline-icon";

export type FormAlertTone = "error" | "success" | "info" | "warning";

export interface FormAlertProps {
  tone?: FormAlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Adds a close button; the alert hides itself when pressed. */
  dismissible?: boolean;
  onDismiss?: () => void;
  /** role="alert" interrupts a screen reader; use it only for what just went wrong. Default:
   *  "alert" for errors, "status" otherwise. "none" for messages already on the page at load. */
  announce?: "alert" | "status" | "none";
  ref?: Ref<HTMLDivElement>;
  className?: string;
}

const tones: Record<FormAlertTone, string> = {
  error: "border-rose-200 bg-rose-50 text-rose-900 dark:border-rose-900 dark:bg-rose-950/60 dark:text-rose-100",
  success:
    "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100",
  info: "border-indigo-200 bg-accent-soft text-indigo-950 dark:border-indigo-900 dark:text-indigo-100",
  warning: "border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100",
};

const iconTones: Record<FormAlertTone, string> = {
  error: "text-rose-600 dark:text-rose-300",
  success: "text-emerald-600 dark:text-emerald-300",
  info: "text-accent dark:text-indigo-300",
  warning: "text-amber-600 dark:text-amber-300",
};

export function AlertIcon({ tone, className = "size-5" }: { tone: FormAlertTone; className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={`shrink-0 ${className}`}>
      {tone === "success" ? (
        <path
          fillRule="evenodd"
          clipRule="evenodd"
          d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16zm3.86-10.03a.75.75 0 0 0-1.22-.88l-3.24 4.5-1.6-1.6a.75.75 0 1 0-1.06 1.06l2.22 2.22a.75.75 0 0 0 1.14-.09l3.76-5.21z"
        />
      ) : tone === "info" ? (
        <path
          fillRule="evenodd"
          clipRule="evenodd"
          d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0zM9 9a.75.75 0 0 0 0 1.5h.25v3.25c0 .41.34.75.75.75h1a.75.75 0 0 0 0-1.5h-.25V9.75A.75.75 0 0 0 10 9H9z"
        />
      ) : (
        <path
          fillRule="evenodd"
          clipRule="evenodd"
          d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM9.25 6a.75.75 0 0 1 1.5 0v4.5a.75.75 0 0 1-1.5 0V6zM10 14.75a1 1 0 1 0 0-2 1 1 0 0 0 0 2z"
        />
      )}
    </svg>
  );
}

/**
 * A message about a whole form: what went wrong, or what happened. Focusable (tabIndex -1) so a
 * form can move focus to it after a failed submit.
 */
export function FormAlert({
  tone = "error",
  title,
  children,
  dismissible = false,
  onDismiss,
  announce,
  ref,
  className = "",
}: FormAlertProps) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  const mode = announce ?? (tone === "error" ? "alert" : "status");
  const role = mode === "none" ? undefined : mode;

  return (
    <div
      ref={ref}
      role={role}
      tabIndex={-1}
      data-form-alert=""
      className={`flex gap-3 rounded-xl border px-4 py-3 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-ring/40 ${tones[tone]} ${className}`}
    >
      <AlertIcon tone={tone} className={`mt-px size-5 ${iconTones[tone]}`} />
      <div className="min-w-0 flex-1 space-y-1 break-words">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="text-pretty">{children}</div> : null}
      </div>
      {dismissible ? (
        <button
          type="button"
          aria-label="Dismiss"
          onClick={() => {
            setDismissed(true);
            onDismiss?.();
          }}
          className="-my-1 -mr-2 flex size-8 shrink-0 items-center justify-center rounded-md opacity-70 transition hover:bg-black/5 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring dark:hover:bg-white/10"
        >
          <CloseIcon className="size-4" />
        </button>
      ) : null}
    </div>
  );
}
