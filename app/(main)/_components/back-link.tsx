import Link from "next/link";
import type { ReactNode } from "react";

// "pill" sits above a page's big heading (the feed, Topics); "plain" above a form or a list.
const LOOK = {
  pill: "inline-flex items-center gap-1.5 rounded-full border border-line bg-surface px-3 py-1 text-xs font-medium text-ink-muted shadow-sm transition hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
  plain:
    "inline-flex items-center gap-1 rounded text-sm font-medium text-ink-muted transition hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
} as const;

export interface BackLinkProps {
  href: string;
  look: keyof typeof LOOK;
  /** Spacing around the link (margins). */
  className?: string;
  children: ReactNode;
}

/** A "← Somewhere" link back up the site. */
export function BackLink({ href, look, className, children }: BackLinkProps) {
  return (
    <Link href={href} className={className ? `${className} ${LOOK[look]}` : LOOK[look]}>
      <span aria-hidden="true">←</span> {children}
    </Link>
  );
}
