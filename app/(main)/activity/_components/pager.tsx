import Link from "next/link";

export interface PagerProps {
  /** The newer page's URL, or null on the first page. */
  newerHref: string | null;
  /** The older page's URL, or null on the last page. */
  olderHref: string | null;
  /** What one item is called, for the link text ("messages"). */
  noun?: string;
}

const linkClass =
  "inline-flex h-10 items-center gap-1.5 rounded-lg border border-line-strong bg-surface px-4 text-sm font-semibold text-ink shadow-sm transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/** Newer / older links of a keyset-paged list; each page is a real URL. */
export function Pager({ newerHref, olderHref, noun = "messages" }: PagerProps) {
  if (!newerHref && !olderHref) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-3">
      {newerHref ? (
        <Link href={newerHref} rel="prev" className={linkClass}>
          <span aria-hidden="true">←</span> Newer {noun}
        </Link>
      ) : (
        <span />
      )}
      {olderHref ? (
        <Link href={olderHref} rel="next" className={linkClass}>
          Older {noun} <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </nav>
  );
}
