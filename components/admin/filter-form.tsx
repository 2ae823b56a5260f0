// The GET search/filter form above each admin list and its labelled controls: submitting changes
// the URL, so every filtered view can be linked and reloaded.
import Link from "next/link";
import type { ReactNode } from "react";
import { inputClass, linkClass } from "./styles";

export interface FilterFormProps {
  /** Accessible name, e.g. "Search rooms". */
  label: string;
  children: ReactNode;
  /** Shown as a "Clear" link when any filter is set. */
  clearHref?: string;
}

export function FilterForm({ label, children, clearHref }: FilterFormProps) {
  return (
    <form
      role="search"
      aria-label={label}
      method="get"
      className="mb-4 flex flex-col gap-3 rounded-xl border border-line bg-surface p-3 sm:flex-row sm:flex-wrap sm:items-end"
    >
      {children}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="inline-flex h-10 items-center rounded-lg bg-accent px-4 text-sm font-semibold text-on-accent shadow-sm transition hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          Apply
        </button>
        {clearHref ? (
          <Link href={clearHref} className={`text-sm ${linkClass}`}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}

export interface FieldProps {
  label: string;
  children: ReactNode;
  className?: string;
}

/** A labelled control in a filter form (the control is the label's child, so no ids are needed). */
export function Field({ label, children, className = "" }: FieldProps) {
  return (
    <label className={`flex min-w-0 flex-col gap-1.5 text-sm font-medium text-ink ${className}`}>
      {label}
      {children}
    </label>
  );
}

export interface SearchFieldProps {
  label: string;
  name: string;
  defaultValue: string | undefined;
  placeholder: string;
  className?: string;
}

export function SearchField({ label, name, defaultValue, placeholder, className = "sm:flex-1" }: SearchFieldProps) {
  return (
    <Field label={label} className={className}>
      <input type="search" name={name} defaultValue={defaultValue} placeholder={placeholder} className={inputClass} />
    </Field>
  );
}

export interface SelectFieldProps {
  label: string;
  name: string;
  defaultValue: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}

export function SelectField({ label, name, defaultValue, options }: SelectFieldProps) {
  return (
    <Field label={label}>
      <select name={name} defaultValue={defaultValue} className={inputClass}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
