import { getCurrentUser } from "@/lib/auth/session";
import { unreadTotalForChrome } from "@/lib/chat/unread-for-chrome";
import { UnreadTotalSync } from "./unread-total-sync";

/**
 * Sends the header the member's unread total after a client-side navigation to the feed (see
 * UnreadTotalSync). Rendered in a <Suspense> of its own beside the cards, so the feed never waits
 * for this query; on a full page load it shares the header's (cached per request).
 */
export async function FeedUnreadTotal() {
  const user = await getCurrentUser();
  if (!user) return null;
  // Null when it cannot be read: the header keeps its number, and the feed still works.
  const total = await unreadTotalForChrome(user.id);
  return total === null ? null : <UnreadTotalSync total={total} />;
}
