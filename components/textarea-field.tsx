"use client";

// A labelled textarea (room description, bio) with an optional live character count beside the
// label. Uncontrolled, so a failed submit keeps the text; the count is only for the reader.
import { useId, useState, type ReactNode } from "react";
import { FieldError } from "@/components/ui/text-field";

export interface TextareaCounter {
  max: number;
  /** Count as the server does after trimming (a description) or every character (a bio). */
  trim?: boolean;
  /** Read the count out as it changes. */
  announce?: boolean;
  testId?: string;
}

export interface TextareaFieldProps {
  label: ReactNode;
  /** Adds "(optional)" after the label. */
  optional?: boolean;
  name: string;
  defaultValue: string;
  error?: string;
  rows: number;
  placeholder?: string;
  maxLength?: number;
  counter?: TextareaCounter;
}

const format = (n: number) => n.toLocaleString("en-US");

// Line breaks count as one character whatever the platform sends, as on the server.
const countOf = (text: string, trim: boolean) => {
  const normalised = text.replace(/\r\n/g, "\n");
  return (trim ? normalised.trim() : normalised).length;
};

export function TextareaField({
  label,
  optional = false,
  name,
  defaultValue,
  error,
  rows,
  placeholder,
  maxLength,
  counter,
}: TextareaFieldProps) {
  const id = useId();
  const [length, setLength] = useState(() => countOf(defaultValue, counter?.trim ?? false));
  const over = counter ? length > counter.max : false;
  const describedBy = [error ? `${id}-error` : null, counter ? `${id}-count` : null].filter(Boolean).join(" ");
  return (
    <div>
      <div className="mb-1.5 flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {label}
          {optional ? <span className="font-normal text-ink-subtle"> (optional)</span> : null}
        </label>
        {counter ? (
          <span
            id={`${id}-count`}
            data-testid={counter.testId}
            aria-live={counter.announce ? "polite" : undefined}
            className={`text-xs tabular-nums ${over ? "font-semibold text-rose-700 dark:text-rose-300" : "text-ink-subtle"}`}
          >
            {format(length)}/{format(counter.max)}
            <span className="sr-only"> characters</span>
          </span>
        ) : null}
      </div>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        maxLength={maxLength}
        onChange={counter ? (event) => setLength(countOf(event.currentTarget.value, counter.trim ?? false)) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        placeholder={placeholder}
        className={`block w-full resize-y rounded-lg border bg-surface px-3 py-2.5 text-base text-ink shadow-sm shadow-black/[0.02] transition placeholder:text-ink-subtle focus:outline-none focus-visible:ring-3 sm:text-sm ${
          error
            ? "border-rose-600 focus:border-rose-600 focus-visible:ring-rose-500/30 dark:border-rose-400"
            : "border-line-strong hover:border-ink-subtle/60 focus:border-accent focus-visible:ring-ring/30"
        }`}
      />
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}
