import type { ReactNode, Ref } from "react";
import { OutlineIcon, type Shape } from "@/components/ui/icons";

export const textLinkClass =
  "rounded font-medium text-accent-ink underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

export type AuthCardIcon = "mail" | "check" | "lock" | "warning" | "user";

const DRAWINGS: Record<AuthCardIcon, Shape[]> = {
  mail: [{ rect: { x: "3", y: "5", width: "18", height: "14", rx: "2.5" } }, "m4 7 8 6 8-6"],
  check: [{ circle: { cx: "12", cy: "12", r: "9" } }, "m8 12.5 2.75 2.75L16.5 9.5"],
  lock: [
    { rect: { x: "4.5", y: "10.5", width: "15", height: "10", rx: "2.5" } },
    "M8 10.5V8a4 4 0 0 1 8 0v2.5M12 14.5v2",
  ],
  warning: [
    "M10.3 3.9 2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z",
    "M12 9v4.5M12 17v.01",
  ],
  user: [{ circle: { cx: "12", cy: "8.5", r: "3.5" } }, "M5 19.5a7 7 0 0 1 14 0"],
};

function Icon({ name }: { name: AuthCardIcon }) {
  const tone =
    name === "warning"
      ? "bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300"
      : name === "check"
        ? "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300"
        : "bg-accent-soft text-accent-ink";
  return (
    <span aria-hidden="true" className={`mx-auto mb-4 flex size-12 items-center justify-center rounded-full ${tone}`}>
      <OutlineIcon grid={24} className="size-6" shapes={DRAWINGS[name]} />
    </span>
  );
}

export interface AuthCardProps {
  title: ReactNode;
  description?: ReactNode;
  icon?: AuthCardIcon;
  children?: ReactNode;
  /** Under the card: "New here? Create an account" and the like. */
  footer?: ReactNode;
  /** For a heading that receives focus when the card's content changes. */
  headingRef?: Ref<HTMLHeadingElement>;
  "data-testid"?: string;
}

export function AuthCard({
  title,
  description,
  icon,
  children,
  footer,
  headingRef,
  "data-testid": testId,
}: AuthCardProps) {
  return (
    <div data-testid={testId}>
      <section className="rounded-2xl border border-line bg-surface px-5 py-7 shadow-sm shadow-black/[0.03] sm:px-8 sm:py-9">
        <header className="mb-7 text-center">
          {icon ? <Icon name={icon} /> : null}
          <h1
            ref={headingRef}
            tabIndex={headingRef ? -1 : undefined}
            className="text-2xl font-bold tracking-tight text-balance text-ink focus:outline-none"
          >
            {title}
          </h1>
          {description ? <div className="mt-2 text-sm text-pretty text-ink-muted">{description}</div> : null}
        </header>
        {children}
      </section>
      {footer ? <div className="mt-6 text-center text-sm text-ink-muted">{footer}</div> : null}
    </div>
  );
}
