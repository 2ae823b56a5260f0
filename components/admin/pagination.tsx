// The two pagers of the admin lists: numbered pages ("12 rooms · page 2 of 3") and newer/older
// cursors by id for the logs. Links keep the other URL parameters.
import Link from "next/link";
import { pagerLinkClass } from "./styles";
import { hrefWith, type Params } from "./url";

export interface PaginationProps {
  /** The numbered page a list query returned. */
  paged: { page: number; pageCount: number; total: number };
  pathname: string;
  params: Params;
  /** Singular and plural, e.g. ["room", "rooms"]. */
  noun: readonly [string, string];
}

export function Pagination({ paged, pathname, params, noun }: PaginationProps) {
  const { page, pageCount, total } = paged;
  return (
    <nav
      aria-label="Pages"
      className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-ink-muted"
      data-testid="pagination"
    >
      <p>
        {total.toLocaleString("en-US")} {total === 1 ? noun[0] : noun[1]}
        {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}
      </p>
      {pageCount > 1 ? (
        <div className="flex gap-2">
          {page > 1 ? (
            <Link href={hrefWith(pathname, params, { page: page - 1 })} rel="prev" className={pagerLinkClass}>
              ← Previous
            </Link>
          ) : null}
          {page < pageCount ? (
            <Link href={hrefWith(pathname, params, { page: page + 1 })} rel="next" className={pagerLinkClass}>
              Next →
            </Link>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}

export interface CursorPagerProps {
  pathname: string;
  params: Params;
  /** The rows shown, newest first: the first and last ids are the cursors. */
  items: ReadonlyArray<{ id: number | string }>;
  hasNewer: boolean;
  hasOlder: boolean;
}

export function CursorPager({ pathname, params, items, hasNewer, hasOlder }: CursorPagerProps) {
  const first = items[0];
  const last = items.at(-1);
  const newerHref = hasNewer && first ? hrefWith(pathname, params, { after: first.id }) : null;
  const olderHref = hasOlder && last ? hrefWith(pathname, params, { before: last.id }) : null;
  if (!newerHref && !olderHref) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3">
      {newerHref ? (
        <Link href={newerHref} rel="prev" className={pagerLinkClass}>
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      {olderHref ? (
        <Link href={olderHref} rel="next" className={pagerLinkClass}>
          Older →
        </Link>
      ) : null}
    </nav>
  );
}
