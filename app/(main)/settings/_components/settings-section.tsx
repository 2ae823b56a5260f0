import type { ReactNode } from "react";

export interface SettingsSectionProps {
  /** The anchor the side navigation links to. */
  id: string;
  title: string;
  description?: ReactNode;
  /** "danger" frames the section in red (account deletion). */
  tone?: "default" | "danger";
  children: ReactNode;
}

/** One card of the settings page: a heading with its explanation, then the form. */
export function SettingsSection({ id, title, description, tone = "default", children }: SettingsSectionProps) {
  const headingId = `${id}-heading`;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      data-testid={`settings-${id}`}
      className={`scroll-mt-24 rounded-2xl border bg-surface shadow-sm ${
        tone === "danger" ? "border-rose-200 dark:border-rose-900/70" : "border-line"
      }`}
    >
      <header
        className={`border-b px-5 py-4 sm:px-6 ${tone === "danger" ? "border-rose-200 dark:border-rose-900/70" : "border-line"}`}
      >
        <h2
          id={headingId}
          className={`text-base font-semibold tracking-tight ${tone === "danger" ? "text-rose-700 dark:text-rose-300" : "text-ink"}`}
        >
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-pretty text-ink-muted">{description}</p> : null}
      </header>
      <div className="px-5 py-5 sm:px-6">{children}</div>
    </section>
  );
}
