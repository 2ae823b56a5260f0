// The room lookups of the chat paths: by slug for edits, deletes and reads (raw SQL: Prisma compiles every model
// query afresh; a send finds its room inside the send statement, ./message-send.ts). Channel authorization reads the
// room with the member's restrictions (./restrictions.ts). Rooms themselves: lib/db/rooms.ts.
import "server-only";
import { ROOM_SLUG_PATTERN } from "../validation/rooms";
import { db } from "./client";

/** What the chat rules need of a room: its id for the writes, its host for permissions. */
export interface ChatRoom {
  id: string;
  slug: string;
  hostId: string | null;
}

/** Null also for a slug no room can have (from a URL: a NUL byte, a broken character…), which never reaches a query. */
export async function findChatRoom({ slug }: { slug: string }): Promise<ChatRoom | null> {
  if (!ROOM_SLUG_PATTERN.test(slug)) return null;
  const rows = await db.$queryRaw<ChatRoom[]>`SELECT id, slug, "hostId" FROM "Room" WHERE slug = ${slug}`;
  return rows[0] ?? null;
}
