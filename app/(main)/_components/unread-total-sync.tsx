"use client";

import { useEffect } from "react";
import { UNREAD_TOTAL_EVENT } from "@/components/header-unread-link";

export interface UnreadTotalSyncProps {
  /** The member's unread total as of this render of the page. */
  total: number;
}

/**
 * Hands the header a fresh unread total. The header lives in the root layout, which a client-side
 * navigation does not re-render, so without this it would keep the number of the first page load.
 */
export function UnreadTotalSync({ total }: UnreadTotalSyncProps) {
  useEffect(() => {
    window.dispatchEvent(new CustomEvent(UNREAD_TOTAL_EVENT, { detail: { total } }));
  }, [total]);
  return null;
}
