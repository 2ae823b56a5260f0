// The header bell's number, kept apart from the inbox core: it imports next/navigation (through chrome-read), which
// scripts run outside Next (the benchmarks) cannot load.
import "server-only";
import { cache } from "react";
import { orNullForChrome } from "../chrome-read";
import { countUnreadNotifications } from "../db/notifications";

/** Cached per request; null when unreadable (the header is chrome and works without the number). */
export const unreadNotificationsForChrome = cache((userId: string): Promise<number | null> =>
  orNullForChrome(countUnreadNotifications({ userId })),
);
