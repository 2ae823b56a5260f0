// The public JSON shape of a room for the read API (GET /api/rooms, GET /api/rooms/<slug>):
// only what the home page shows anyone (no emails, no internal user ids), dates as ISO strings.
import type { RoomCard } from "@/lib/db/rooms";

export interface RoomJson {
  slug: string;
  name: string;
  description: string;
  url: string;
  topic: { name: string; slug: string };
  host: { username: string; name: string; avatarUrl: string | null; url: string } | null;
  participantCount: number;
  lastActivityAt: string;
  createdAt: string;
}

export function roomJson(room: RoomCard): RoomJson {
  return {
    slug: room.slug,
    name: room.name,
    description: room.description,
    url: `/rooms/${room.slug}`,
    topic: { name: room.topic.name, slug: room.topic.slug },
    host: room.host
      ? {
          username: room.host.username,
          name: room.host.name,
          avatarUrl: room.host.avatarUrl,
          url: `/u/${room.host.username}`,
        }
      : null,
    participantCount: room.participantCount,
    lastActivityAt: room.lastActivityAt.toISOString(),
    createdAt: room.createdAt.toISOString(),
  };
}
