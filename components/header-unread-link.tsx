"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { OutlineIcon } from "@/components/ui/icons";

/** Sent on `window` (detail: { total }) by whoever learns a newer unread total than the header shows. */
export const UNREAD_TOTAL_EVENT = "roomful:unread-total";

/** Above this the badge says "99+". */
const UNREAD_SHOWN_MAX = 99;

export interface HeaderUnreadLinkProps {
  /** The member's unread messages over all their rooms; null while unknown (loading, or failed). */
  total: number | null;
}

/**
 * The header's unread total, a link named with the number ("3 unread messages"). Server-rendered; an
 * UNREAD_TOTAL_EVENT (the home feed sends one after each navigation) updates it without a reload.
 */
export function HeaderUnreadLink({ total: rendered }: HeaderUnreadLinkProps) {
  const [total, setTotal] = useState(rendered);
  // A new server-rendered number wins (React's pattern for "reset on prop change").
  const [seen, setSeen] = useState(rendered);
  if (seen !== rendered) {
    setSeen(rendered);
    setTotal(rendered);
  }

  useEffect(() => {
    function onTotal(event: Event) {
      const next = (event as CustomEvent<{ total?: unknown }>).detail?.total;
      if (typeof next === "number" && Number.isInteger(next) && next >= 0) setTotal(next);
    }
    window.addEventListener(UNREAD_TOTAL_EVENT, onTotal);
    return () => window.removeEventListener(UNREAD_TOTAL_EVENT, onTotal);
  }, []);

  const shown = total !== null && total > UNREAD_SHOWN_MAX ? `${UNREAD_SHOWN_MAX}+` : String(total);
  const label =
    total === null
      ? "Unread messages"
      : total === 0
        ? "No unread messages"
        : `${shown} unread ${total === 1 ? "message" : "messages"}`;
  return (
    <Link
      href="/"
      aria-label={label}
      title={label}
      // Only the streamed number carries the test id: until React reveals it, the fallback and the
      // hidden resolved link are both in the document.
      data-testid={total === null ? "header-unread-pending" : "header-unread"}
      data-count={total ?? undefined}
      className="relative inline-flex size-10 shrink-0 items-center justify-center rounded-full text-ink-muted transition hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
    >
      <OutlineIcon className="size-5">
        <path d="M4.75 4h10.5A1.75 1.75 0 0 1 17 5.75v6.5A1.75 1.75 0 0 1 15.25 14H10l-3.5 2.75V14H4.75A1.75 1.75 0 0 1 3 12.25v-6.5C3 4.78 3.78 4 4.75 4z" />
      </OutlineIcon>
      {total ? (
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
