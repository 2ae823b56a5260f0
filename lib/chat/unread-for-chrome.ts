// The header's unread total, kept apart from unread.ts: it imports next/navigation (through
// chrome-read), which scripts run outside Next (the benchmarks) cannot load.
import "server-only";
import { cache } from "react";
import { orNullForChrome } from "../chrome-read";
import { unreadTotal } from "./unread";

/**
 * The header's unread total, read once per request: the header shows it, and the home feed sends
 * it to the header again after a client-side navigation (the root layout is not re-rendered then).
 * Null when it cannot be read: the header is chrome, and works without the number.
 */
export const unreadTotalForChrome = cache((userId: string): Promise<number | null> =>
  orNullForChrome(unreadTotal({ userId })),
);
