// What a room's card on the feed and the room page's header both show about it.

export interface RoomSummary {
  slug: string;
  name: string;
  description: string;
  topic: { name: string; slug: string };
  host: { username: string; name: string; avatarUrl: string | null } | null;
  participantCount: number;
}
