import type { ReactNode } from "react";

export interface OrDividerProps {
  /** The provider buttons; when they render nothing, the divider hides too. */
  children: ReactNode;
  label?: string;
}

/** Sign-in buttons for other providers, then "or" above the email form; all gone when none are set up. */
export function OrDivider({ children, label = "or" }: OrDividerProps) {
  return (
    <>
      <div className="peer empty:hidden">{children}</div>
      <div className="my-6 hidden items-center gap-3 text-xs font-medium tracking-wide text-ink-subtle uppercase peer-[:not(:empty)]:flex">
        <span className="h-px flex-1 bg-line" />
        {label}
        <span className="h-px flex-1 bg-line" />
      </div>
    </>
  );
}
