"use client";

import { useEffect, useState } from "react";
import { OutlineIcon } from "@/components/ui/icons";
import { HeaderCountLink } from "./header-count-link";

/** Sent on `window` (detail: { total }) by whoever learns a newer unread total than the header shows. */
export const UNREAD_TOTAL_EVENT = "roomful:unread-total";

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

  return (
    <HeaderCountLink
      href="/"
      count={total}
      noun={["unread message", "unread messages"]}
      pendingLabel="Unread messages"
      testId="header-unread"
      icon={
        <OutlineIcon className="size-5">
          <path d="M4.75 4h10.5A1.75 1.75 0 0 1 17 5.75v6.5A1.75 1.75 0 0 1 15.25 14H10l-3.5 2.75V14H4.75A1.75 1.75 0 0 1 3 12.25v-6.5C3 4.78 3.78 4 4.75 4z" />
        </OutlineIcon>
      }
    />
  );
}
