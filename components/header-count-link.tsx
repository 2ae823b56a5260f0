// The header's round icon links with a count badge (unread messages, notifications): one look, one way to name the
// number for screen readers ("3 unread messages"), "99+" above 99.
import Link from "next/link";
import type { ReactNode } from "react";

/** Above this the badge says "99+". */
const SHOWN_MAX = 99;

export interface HeaderCountLinkProps {
  href: string;
  /** Null while unknown (streaming, or unreadable). */
  count: number | null;
  /** What is counted, singular and plural ("unread message", "unread messages"). */
  noun: [string, string];
  /** The name while the count is unknown ("Unread messages"). */
  pendingLabel: string;
  /** The test id once the count is known; `${testId}-pending` before. */
  testId: string;
  icon: ReactNode;
  /** Whether the count follows live events (data-live, for tests and styles). */
  live?: boolean;
}

export function HeaderCountLink({ href, count, noun, pendingLabel, testId, icon, live }: HeaderCountLinkProps) {
  const shown = count !== null && count > SHOWN_MAX ? `${SHOWN_MAX}+` : String(count);
  const label =
    count === null ? pendingLabel : count === 0 ? `No ${noun[1]}` : `${shown} ${count === 1 ? noun[0] : noun[1]}`;
  return (
    <Link
      href={href}
      aria-label={label}
      title={label}
      // Only the streamed number carries the test id: until React reveals it, the fallback and the
      // hidden resolved link are both in the document.
      data-testid={count === null ? `${testId}-pending` : testId}
      data-count={count ?? undefined}
      data-live={live || undefined}
      className="relative inline-flex size-10 shrink-0 items-center justify-center rounded-full text-ink-muted transition hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
    >
      {icon}
      {count ? (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-accent px-1 text-[0.6875rem] leading-none font-semibold text-on-accent tabular-nums ring-2 ring-surface"
        >
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
