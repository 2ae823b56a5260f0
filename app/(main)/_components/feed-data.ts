// What the home page reads, memoised per request (React's cache): the sidebar's topics and "All
// rooms" come from one query, which an unfiltered feed's total reuses; the feed's room ids then
// fetch their "N online" and the member's unread counts, one query each, side by side.
import "server-only";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { unreadCounts } from "@/lib/chat/unread";
import { countRooms, searchRooms, type RoomPage, type RoomTotal, type SearchRoomsInput } from "@/lib/db/rooms";
import { listTopicsWithTotal, type TopicWithCount } from "@/lib/db/topics";
import { getOnlineCounts } from "@/lib/realtime/presence";

/** How many topics the sidebar lists; one more tells it whether to say "All topics". */
export const SIDEBAR_TOPICS = 30;

/** The sidebar's topics and the number of all rooms: one query, read once per request. */
export const sidebarTopics = cache(() => listTopicsWithTotal({ take: SIDEBAR_TOPICS + 1 }));

/** A search's count, cached per filter (the metadata, the feed and the sidebar may all ask). */
const searchTotal = cache((q: string, topicSlug: string | undefined) => countRooms({ q, topicSlug }));

/**
 * Rooms in the feed: a topic's own count when only filtered by topic, the sidebar's "All rooms"
 * without a filter (the same query, so one per request), a capped count for a search.
 */
export async function feedTotal({ q, topic }: { q?: string; topic?: TopicWithCount }): Promise<RoomTotal> {
  if (q) return searchTotal(q, topic?.slug);
  if (topic) return { total: topic.roomCount, capped: false };
  return { total: (await sidebarTopics()).total, capped: false };
}

export interface FeedCardExtras {
  /** Members in each room's presence channel now (0 when nobody). */
  online: Record<string, number>;
  /** The signed-in member's unread messages per room (0 where none or not a participant); empty for visitors. */
  unread: Record<string, number>;
}

/**
 * A feed page and what its cards show beyond the room: online and unread counts. Each is one
 * query for the whole page, run side by side once the page's room ids are known.
 */
export async function loadFeedPage(input: SearchRoomsInput): Promise<{ page: RoomPage; extras: FeedCardExtras }> {
  // The session was read by the root layout already (cached), so this costs no query.
  const [page, user] = await Promise.all([searchRooms(input), getCurrentUser()]);
  const roomIds = page.rooms.map((room) => room.id);
  if (roomIds.length === 0) return { page, extras: { online: {}, unread: {} } };
  const [online, unread] = await Promise.all([
    getOnlineCounts(roomIds),
    user ? unreadCounts({ userId: user.id, roomIds }) : {},
  ]);
  return { page, extras: { online, unread } };
}
