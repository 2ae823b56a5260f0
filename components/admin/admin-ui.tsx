// Small server-rendered pieces every admin page uses: the page heading, a GET search/filter form
// (its state lives in the URL), sortable column headers, numbered and newer/older pagination,
// badges and empty states. Links keep the other URL parameters.
import Link from "next/link";
import type { ReactNode } from "react";

export type Params = Record<string, string | number | undefined>;

/** `pathname` with the non-empty params (and `changes` applied). */
export function hrefWith(pathname: string, params: Params, changes: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) {
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold tracking-tight text-ink">{title}</h1>
        {description ? <p className="mt-1 text-ink-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export const inputClass =
  "block h-11 w-full rounded-lg border border-line-strong bg-surface px-3 text-base text-ink shadow-sm transition placeholder:text-ink-subtle hover:border-ink-subtle/60 focus:border-accent focus:outline-none focus-visible:ring-3 focus-visible:ring-ring/30 sm:h-10 sm:text-sm";

export const linkClass =
  "rounded font-medium text-accent-ink underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

export interface FilterFormProps {
  /** Accessible name, e.g. "Search rooms". */
  label: string;
  children: ReactNode;
  /** Shown as a "Clear" link when any filter is set. */
  clearHref?: string;
}

/** A GET form: submitting it changes the URL, so every filtered view can be linked and reloaded. */
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

export interface SortHeaderProps {
  label: string;
  column: string;
  sort: string;
  dir: "asc" | "desc";
  pathname: string;
  params: Params;
  className?: string;
}

/** A column header that sorts by its column; a second click flips the direction. */
export function SortHeader({ label, column, sort, dir, pathname, params, className = "" }: SortHeaderProps) {
  const active = sort === column;
  const nextDir = active && dir === "desc" ? "asc" : "desc";
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
      className={`px-3 py-2 text-left font-semibold ${className}`}
    >
      <Link
        href={hrefWith(pathname, params, { sort: column, dir: nextDir, page: undefined })}
        className="inline-flex items-center gap-1 rounded hover:text-ink focus-visible:outline-2 focus-visible:outline-ring"
      >
        {label}
        <span aria-hidden="true" className={active ? "text-ink" : "text-transparent"}>
          {dir === "asc" && active ? "↑" : "↓"}
        </span>
      </Link>
    </th>
  );
}

export interface PaginationProps {
  page: number;
  pageCount: number;
  total: number;
  pathname: string;
  params: Params;
  noun: string;
}

/** "12 rooms · page 2 of 3" with previous/next links (page numbers live in the URL). */
export function Pagination({ page, pageCount, total, pathname, params, noun }: PaginationProps) {
  const pill =
    "inline-flex h-9 items-center rounded-lg border border-line-strong bg-surface px-3 text-sm font-semibold text-ink shadow-sm transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";
  return (
    <nav
      aria-label="Pages"
      className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-ink-muted"
      data-testid="pagination"
    >
      <p>
        {total.toLocaleString("en-US")} {noun}
        {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}
      </p>
      {pageCount > 1 ? (
        <div className="flex gap-2">
          {page > 1 ? (
            <Link href={hrefWith(pathname, params, { page: page - 1 })} rel="prev" className={pill}>
              ← Previous
            </Link>
          ) : null}
          {page < pageCount ? (
            <Link href={hrefWith(pathname, params, { page: page + 1 })} rel="next" className={pill}>
              Next →
            </Link>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}

export interface CursorPagerProps {
  newerHref: string | null;
  olderHref: string | null;
}

export function CursorPager({ newerHref, olderHref }: CursorPagerProps) {
  if (!newerHref && !olderHref) return null;
  const pill =
    "inline-flex h-9 items-center rounded-lg border border-line-strong bg-surface px-3 text-sm font-semibold text-ink shadow-sm transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3">
      {newerHref ? (
        <Link href={newerHref} rel="prev" className={pill}>
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      {olderHref ? (
        <Link href={olderHref} rel="next" className={pill}>
          Older →
        </Link>
      ) : null}
    </nav>
  );
}

export type BadgeTone = "neutral" | "accent" | "danger" | "warning" | "success";

const badgeTones: Record<BadgeTone, string> = {
  neutral: "bg-sunken text-ink-muted",
  accent: "bg-accent-soft text-accent-ink",
  danger: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200",
  warning: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  success: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
};

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${badgeTones[tone]}`}
    >
      {children}
    </span>
  );
}

export function RoleBadge({ role }: { role: "MEMBER" | "MODERATOR" | "ADMIN" }) {
  if (role === "ADMIN") return <Badge tone="accent">Admin</Badge>;
  if (role === "MODERATOR") return <Badge tone="accent">Moderator</Badge>;
  return null;
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div
      className="rounded-xl border border-dashed border-line-strong px-6 py-10 text-center text-ink-muted"
      data-testid="empty-state"
    >
      {children}
    </div>
  );
}

/** A table that scrolls sideways inside its card on narrow screens instead of widening the page. */
export function TableCard({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div
      className="overflow-x-auto rounded-xl border border-line bg-surface"
      role="region"
      aria-label={label}
      // A scrolling region needs a tab stop to be scrolled from the keyboard (WCAG 2.1.1).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
    >
      <table className="w-full min-w-[40rem] text-sm">{children}</table>
    </div>
  );
}

export function Section({
  title,
  children,
  description,
}: {
  title: string;
  children: ReactNode;
  description?: ReactNode;
}) {
  return (
    <section className="rounded-xl border border-line bg-surface p-4 sm:p-5">
      <h2 className="text-base font-semibold text-ink">{title}</h2>
      {description ? <p className="mt-1 text-sm text-ink-muted">{description}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
});

/** An exact timestamp for tables (the reader's zone is unknown on the server, so it names its own). */
export function Timestamp({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} className="whitespace-nowrap tabular-nums">
      {dateFormat.format(date)}
    </time>
  );
}
