// A room card on the home feed. The markup lives in RoomCardView (a client component, for a
// smaller RSC payload); this server part picks the card's data and renders its relative time.
import { snippetAround } from "@/components/highlight";
import { RelativeTime } from "@/components/relative-time";
import type { RoomCard as RoomCardData } from "@/lib/db/rooms";
import type { RoomSort } from "@/lib/validation/rooms";
import { RoomCardView } from "./room-card-view";

export interface RoomCardProps {
  room: RoomCardData;
  /** The search, highlighted wherever it matched (name, description, topic, host). */
  query?: string;
  /** Under "Newest" the card says when the room was opened rather than when it was last active. */
  sort?: RoomSort;
  /** Members in the room now (from presence); shown only when someone is. */
  online?: number;
  /** The signed-in participant's unread messages (capped at UNREAD_COUNT_CAP); 0 shows nothing. */
  unread?: number;
}

export function RoomCard({ room, query, sort = "active", online = 0, unread = 0 }: RoomCardProps) {
  const time =
    sort === "newest" ? (
      <RelativeTime date={room.createdAt} prefix="opened" className="shrink-0 text-xs text-ink-subtle" />
    ) : (
      <RelativeTime date={room.lastActivityAt} prefix="active" className="shrink-0 text-xs text-ink-subtle" />
    );
  // Only what the card shows crosses to the client (no ids, no dates).
  const data = {
    slug: room.slug,
    name: room.name,
    description: snippetAround(room.description, query),
    topic: room.topic,
    host: room.host ? { username: room.host.username, name: room.host.name, avatarUrl: room.host.avatarUrl } : null,
    participantCount: room.participantCount,
  };
  return <RoomCardView room={data} query={query || undefined} time={time} online={online} unread={unread} />;
}
