// What a room card on the home feed shows, picked on the server: only that crosses to the browser
// (no ids), with the description cut around the search's first match.
import { snippetAround } from "@/components/highlight";
import type { RoomCard } from "@/lib/db/rooms";
import type { RoomSort } from "@/lib/validation/rooms";
import type { RoomCardData } from "./room-card-view";

export interface RoomCardExtras {
  /** Members in the room now (from presence). */
  online?: number;
  /** The signed-in participant's unread messages (capped at UNREAD_COUNT_CAP). */
  unread?: number;
}

/** Under "Newest" a card says when the room was opened rather than when it was last active. */
export function roomCardData(
  room: RoomCard,
  query: string | undefined,
  sort: RoomSort,
  { online = 0, unread = 0 }: RoomCardExtras,
): RoomCardData {
  return {
    slug: room.slug,
    name: room.name,
    description: snippetAround(room.description, query),
    topic: room.topic,
    host: room.host ? { username: room.host.username, name: room.host.name, avatarUrl: room.host.avatarUrl } : null,
    participantCount: room.participantCount,
    time: sort === "newest" ? { prefix: "opened", at: room.createdAt } : { prefix: "active", at: room.lastActivityAt },
    online,
    unread,
    openQuestions: room.openQuestions ?? 0,
  };
}
