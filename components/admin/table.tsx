// Admin tables: a card that scrolls sideways on narrow screens, and a header row whose sortable
// columns link to the same list sorted by them (a second click flips the direction).
import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState } from "./page-header";
import { Timestamp } from "./timestamp";
import { hrefWith, type Params } from "./url";

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

export interface Sorting {
  sort: string;
  dir: "asc" | "desc";
  pathname: string;
  params: Params;
}

export interface TableHeadProps {
  /** `column` makes a header sortable by that column (needs `sorting`). */
  columns: ReadonlyArray<{ label: string; column?: string }>;
  sorting?: Sorting;
}

export function TableHead({ columns, sorting }: TableHeadProps) {
  return (
    <thead className="border-b border-line bg-sunken/60 text-ink-muted">
      <tr>
        {columns.map(({ label, column }) =>
          column && sorting ? (
            <SortHeader key={label} label={label} column={column} {...sorting} />
          ) : (
            <th key={label} scope="col" className="px-3 py-2 text-left font-semibold">
              {label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

function SortHeader({ label, column, sort, dir, pathname, params }: Sorting & { label: string; column: string }) {
  const active = sort === column;
  const nextDir = active && dir === "desc" ? "asc" : "desc";
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
      className="px-3 py-2 text-left font-semibold"
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

export interface DataTableProps extends TableHeadProps {
  /** The table's accessible name, e.g. "Rooms". */
  label: string;
  /** No rows: `emptyText` shows instead of the table. */
  isEmpty: boolean;
  emptyText: ReactNode;
  /** The rows (<tr> elements). */
  children: ReactNode;
}

/** An admin list as a table, or the empty state when there is nothing to list. */
export function DataTable({ label, columns, sorting, isEmpty, emptyText, children }: DataTableProps) {
  if (isEmpty) return <EmptyState>{emptyText}</EmptyState>;
  return (
    <TableCard label={label}>
      <TableHead columns={columns} sorting={sorting} />
      <tbody className="divide-y divide-line">{children}</tbody>
    </TableCard>
  );
}

/** A table cell with an exact date, muted like the other secondary columns. */
export function DateCell({ date }: { date: Date }) {
  return (
    <td className="px-3 py-2.5 text-ink-muted">
      <Timestamp date={date} />
    </td>
  );
}
