import { getCurrentUser } from "@/lib/auth/session";
import { unreadTotalForChrome } from "@/lib/chat/unread-for-chrome";
import { UnreadTotalSync } from "./unread-total-sync";

/**
 * Sends the header the unread total after a client navigation to the feed (see UnreadTotalSync). Its own
 * <Suspense> keeps the feed from waiting; on a full page load it shares the header's per-request cached query.
 */
export async function FeedUnreadTotal() {
  const user = await getCurrentUser();
  if (!user) return null;
  // Null when it cannot be read: the header keeps its number, and the feed still works.
  const total = await unreadTotalForChrome(user.id);
  return total === null ? null : <UnreadTotalSync total={total} />;
}
