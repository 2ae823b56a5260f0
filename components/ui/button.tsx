import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from "react";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

const base =
  "inline-flex shrink-0 items-center justify-center gap-2 rounded-lg font-semibold whitespace-nowrap transition select-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-accent text-on-accent shadow-sm hover:bg-accent-hover aria-disabled:hover:bg-accent",
  secondary: "border border-line-strong bg-surface text-ink shadow-sm hover:bg-sunken aria-disabled:hover:bg-surface",
  ghost: "text-ink-muted hover:bg-sunken hover:text-ink",
  danger:
    "bg-rose-700 text-white shadow-sm hover:bg-rose-800 dark:bg-rose-400 dark:text-rose-950 dark:hover:bg-rose-300",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-8 px-3 text-sm",
  md: "h-10 px-4 text-sm",
  lg: "h-11 px-5 text-base",
};

export interface ButtonStyleOptions {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Stretch to the container's width (forms on the auth cards). */
  block?: boolean;
  className?: string;
}

/** The button look, for links that act as buttons (`<Link className={buttonClasses()}>`). */
export function buttonClasses({
  variant = "primary",
  size = "md",
  block = false,
  className = "",
}: ButtonStyleOptions = {}): string {
  return `${base} ${variants[variant]} ${sizes[size]} ${block ? "w-full" : ""} ${className}`.trim();
}

export function Spinner({ className = "size-4" }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
      className={`animate-spin motion-reduce:animate-[spin_1.5s_linear_infinite] ${className}`}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, Omit<ButtonStyleOptions, "className"> {
  /** Shows a spinner and ignores further clicks (so a form is not sent twice). */
  pending?: boolean;
  /** What the button says while pending, e.g. "Signing in…"; defaults to its children. */
  pendingText?: ReactNode;
}

function cancelClick(event: MouseEvent<HTMLButtonElement>) {
  event.preventDefault();
}

/**
 * While `pending` it is aria-disabled, not disabled: it keeps focus (disabled drops it to <body>), and its click
 * (which Enter in a field also fires) is cancelled, so no double click or second Enter resends the form.
 */
export function Button({
  variant,
  size,
  block,
  className,
  pending = false,
  pendingText,
  type = "button",
  onClick,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      {...rest}
      // Only a pending button needs a handler of its own, so this stays usable from Server
      // Components (which cannot pass functions), where it is never pending.
      onClick={pending ? cancelClick : onClick}
      aria-disabled={pending || rest["aria-disabled"] || undefined}
      aria-busy={pending || undefined}
      data-pending={pending || undefined}
      className={buttonClasses({
        variant,
        size,
        block,
        className: `${pending ? "opacity-80" : ""} ${className ?? ""}`,
      })}
    >
      {pending ? <Spinner /> : null}
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
