"use client";

// The markup of a search-as-you-type form (header, topics page): a real GET form, so it works
// without JavaScript, with a hidden label, the magnifier, the field and an alert for a search
// that is too long. Each page gives its own look; the state comes from useSearchField.
import { useId, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { SearchIcon } from "./search-icon";
import type { SearchField } from "./use-search-field";

export interface SearchFormProps {
  /** Where the form goes without JavaScript. */
  action: string;
  /** The field's accessible name, e.g. "Search rooms". */
  label: string;
  placeholder: string;
  field: SearchField;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  className: string;
  iconClassName: string;
  /** The input's classes, by whether the search is too long. */
  inputClassName: (tooLong: boolean) => string;
  alertClassName: string;
  alertTestId?: string;
  /** Shown inside the form after the field (a spinner, say). */
  children?: ReactNode;
}

export function SearchForm({
  action,
  label,
  placeholder,
  field,
  onSubmit,
  onKeyDown,
  className,
  iconClassName,
  inputClassName,
  alertClassName,
  alertTestId,
  children,
}: SearchFormProps) {
  const inputId = useId();
  const errorId = useId();
  const { inputRef, value, tooLong, tooLongMessage, pending, onChange } = field;
  return (
    <form
      action={action}
      method="get"
      role="search"
      onSubmit={onSubmit}
      // Pages can dim their results while a search is on its way (see the home feed).
      data-search-pending={pending ? "" : undefined}
      className={className}
    >
      <label htmlFor={inputId} className="sr-only">
        {label}
      </label>
      <SearchIcon className={iconClassName} />
      <input
        ref={inputRef}
        id={inputId}
        name="q"
        type="search"
        value={value}
        onChange={onChange}
        onKeyDown={onKeyDown}
        placeholder={placeholder}
        autoComplete="off"
        enterKeyHint="search"
        aria-invalid={tooLong || undefined}
        aria-describedby={tooLong ? errorId : undefined}
        className={inputClassName(tooLong)}
      />
      {children}
      {/* Always in the DOM so the message is announced when it appears. */}
      <p id={errorId} role="alert" data-testid={alertTestId} className={`${tooLong ? "" : "hidden"} ${alertClassName}`}>
        {tooLongMessage}
      </p>
    </form>
  );
}
