// The header's unread total, kept apart from unread.ts: it imports next/navigation (through
// chrome-read), which scripts run outside Next (the benchmarks) cannot load.
import "server-only";
import { cache } from "react";
import { orNullForChrome } from "../chrome-read";
import { unreadTotal } from "./unread";

/**
 * Cached per request, as the home feed re-sends it to the header after client navigations (the layout does not
 * re-render). Null when unreadable: the header is chrome and works without the number.
 */
export const unreadTotalForChrome = cache((userId: string): Promise<number | null> =>
  orNullForChrome(unreadTotal({ userId })),
);
