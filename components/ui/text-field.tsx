"use client";

import { useId, useState, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import { ErrorCircleIcon, EyeIcon } from "./icons";

/** The one-line input's look, shared with the topic combobox so the two fields match. */
export function textInputClasses(invalid: boolean, extra = ""): string {
  const state = invalid
    ? "border-rose-600 focus:border-rose-600 focus-visible:ring-rose-500/30 dark:border-rose-400 dark:focus:border-rose-400"
    : "border-line-strong hover:border-ink-subtle/60 focus:border-accent focus-visible:ring-ring/30";
  return `block h-11 w-full rounded-lg border bg-surface px-3 text-base text-ink shadow-sm shadow-black/[0.02] transition placeholder:text-ink-subtle focus:outline-none focus-visible:ring-3 sm:h-10 sm:text-sm ${extra ? `${extra} ` : ""}${state}`;
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "children"> {
  label: ReactNode;
  name: string;
  /** Help shown under the field (and read with it). */
  hint?: ReactNode;
  /** The field's error; marks it aria-invalid and is read with it. */
  error?: string;
  /** Something to the right of the label, e.g. a "Forgot password?" link. */
  labelAside?: ReactNode;
  /** Password fields get a show/hide button unless this is false. */
  revealable?: boolean;
  ref?: Ref<HTMLInputElement>;
  className?: string;
}

export interface FieldErrorProps {
  id: string;
  children: ReactNode;
}

/** A field's error line, referenced by the input's aria-describedby. Shared by every form field. */
export function FieldError({ id, children }: FieldErrorProps) {
  return (
    <p id={id} className="mt-1.5 flex gap-1.5 text-sm text-rose-700 dark:text-rose-300">
      <ErrorCircleIcon className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

export interface FieldNotesProps {
  errorId: string;
  error?: string;
  hintId: string;
  hint?: ReactNode;
}

/** What stands under a field: its error, then its hint (the order aria-describedby reads them in). */
export function FieldNotes({ errorId, error, hintId, hint }: FieldNotesProps) {
  return (
    <>
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
      {hint ? (
        <p id={hintId} className="mt-1.5 text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
    </>
  );
}

/**
 * A labelled text input with an optional hint and error. The error and hint are tied to the input
 * with aria-describedby (error first, so a screen reader says what is wrong before the help).
 */
export function TextField({
  label,
  name,
  hint,
  error,
  labelAside,
  revealable = true,
  type = "text",
  ref,
  className = "",
  ...input
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [revealed, setRevealed] = useState(false);
  const isPassword = type === "password";
  const toggle = isPassword && revealable;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className={className}>
      <div className="mb-1.5 flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {label}
        </label>
        {labelAside}
      </div>
      <div className="relative">
        <input
          ref={ref}
          id={id}
          name={name}
          type={toggle && revealed ? "text" : type}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          // Password managers and mobile keyboards read these; nobody wants "Jane" capitalised
          // into "JANE" or an email autocorrected.
          autoCapitalize={input.autoCapitalize ?? (type === "email" || isPassword ? "none" : undefined)}
          spellCheck={input.spellCheck ?? (type === "email" || isPassword ? false : undefined)}
          {...input}
          className={textInputClasses(Boolean(error), toggle ? "pr-11" : "")}
        />
        {toggle ? (
          <button
            type="button"
            aria-label="Show password"
            aria-pressed={revealed}
            aria-controls={id}
            onClick={() => setRevealed((r) => !r)}
            className="absolute inset-y-0 right-0 flex w-11 items-center justify-center rounded-r-lg text-ink-subtle transition hover:text-ink focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring"
          >
            <EyeIcon open={!revealed} />
          </button>
        ) : null}
      </div>
      <FieldNotes errorId={errorId} error={error} hintId={hintId} hint={hint} />
    </div>
  );
}
