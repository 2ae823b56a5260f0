// Room queries for the admin area: the searchable, sortable table, one room with what the edit
// page shows, slug collisions for the live preview, and the writes (create, edit, delete,
// reassign host, lock), each with its audit entry in the same transaction. Writes that add,
// remove or move rooms lock and recount their topics (lib/db/admin-topics.ts).
import "server-only";
import { db } from "./client";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import { lockTopics, recountTopicRooms } from "./admin-topics";
import { Prisma } from "./generated/prisma/client";
import { addParticipant } from "./participants";
import { findOrCreateTopic } from "./topics";
import { baseSlug, firstFreeSlug } from "../rooms/slug";
import { invalid, notFound } from "../errors";
import type { AdminRoomSort } from "../validation/admin";

type Tx = Prisma.TransactionClient;

export const ADMIN_PAGE_SIZE = 25;

export interface AdminRoomRow {
  id: string;
  slug: string;
  name: string;
  topic: { id: string; name: string; slug: string };
  host: { id: string; username: string; name: string } | null;
  participantCount: number;
  lastActivityAt: Date;
  createdAt: Date;
  lockedAt: Date | null;
}

const rowSelect = {
  id: true,
  slug: true,
  name: true,
  participantCount: true,
  lastActivityAt: true,
  createdAt: true,
  lockedAt: true,
  topic: { select: { id: true, name: true, slug: true } },
  host: { select: { id: true, username: true, name: true } },
} satisfies Prisma.RoomSelect;

export interface AdminRoomListInput {
  q?: string;
  sort?: AdminRoomSort;
  dir?: "asc" | "desc";
  status?: "all" | "locked";
  page?: number;
  pageSize?: number;
}

export interface Paged<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
}

const SORT_FIELD: Record<AdminRoomSort, keyof Prisma.RoomOrderByWithRelationInput> = {
  name: "name",
  created: "createdAt",
  active: "lastActivityAt",
  participants: "participantCount",
};

function roomWhere({ q, status }: Pick<AdminRoomListInput, "q" | "status">): Prisma.RoomWhereInput {
  const text = q?.trim();
  return {
    ...(status === "locked" ? { lockedAt: { not: null } } : {}),
    ...(text
      ? {
          OR: [
            { name: { contains: text, mode: "insensitive" } },
            { slug: { contains: text.toLowerCase() } },
            { topic: { name: { contains: text, mode: "insensitive" } } },
            { host: { username: { contains: text.replace(/^@/, "").toLowerCase() } } },
          ],
        }
      : {}),
  };
}

/** One page of the rooms table; `page` past the end is clamped to the last page. */
export async function listAdminRooms({
  q,
  sort = "created",
  dir = "desc",
  status = "all",
  page = 1,
  pageSize = ADMIN_PAGE_SIZE,
}: AdminRoomListInput = {}): Promise<Paged<AdminRoomRow>> {
  const where = roomWhere({ q, status });
  const total = await db.room.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.room.findMany({
    where,
    select: rowSelect,
    // The id breaks ties, so rows never swap between pages.
    orderBy: [{ [SORT_FIELD[sort]]: dir }, { id: dir }],
    skip: (current - 1) * pageSize,
    take: pageSize,
  });
  return { rows, total, page: current, pageCount };
}

export async function countAllRooms(): Promise<number> {
  return db.room.count();
}

export interface AdminRoomDetail extends AdminRoomRow {
  description: string;
  lockedBy: { username: string } | null;
  messageCount: number;
  restrictions: Array<{
    id: string;
    kind: "MUTE" | "BAN";
    until: Date | null;
    reason: string;
    user: { id: string; username: string; name: string };
  }>;
}

export async function findAdminRoom({
  id,
  now = new Date(),
}: {
  id: string;
  now?: Date;
}): Promise<AdminRoomDetail | null> {
  const row = await db.room.findUnique({
    where: { id },
    select: {
      ...rowSelect,
      description: true,
      lockedBy: { select: { username: true } },
      _count: { select: { messages: { where: { deletedAt: null } } } },
      restrictions: {
        where: { OR: [{ until: null }, { until: { gt: now } }] },
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          kind: true,
          until: true,
          reason: true,
          user: { select: { id: true, username: true, name: true } },
        },
      },
    },
  });
  if (!row) return null;
  const { _count, ...rest } = row;
  return { ...rest, messageCount: _count.messages };
}

/** The room (id and name) using this slug, if any. */
export async function findRoomBySlugForAdmin({ slug }: { slug: string }) {
  return db.room.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
}

/** Slugs taken that could collide with `base` (base itself and base-N), minus the room being edited. */
async function takenSlugs(base: string, exceptRoomId?: string, tx: Tx | typeof db = db): Promise<string[]> {
  const rows = await tx.room.findMany({
    where: {
      OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }],
      ...(exceptRoomId ? { NOT: { id: exceptRoomId } } : {}),
    },
    select: { slug: true },
  });
  return rows.map((r) => r.slug);
}

export interface SlugPreview {
  /** The slug asked about: the one typed, or the name's base slug. */
  slug: string;
  /** The room already using it, if any. */
  takenBy: { id: string; name: string } | null;
  /** The first free slug from the same base (equal to `slug` when it is free). */
  free: string;
}

/** For the live preview: is this slug (or the name's slug) free, and if not, what is? */
export async function previewRoomSlug({
  name,
  slug,
  roomId,
}: {
  name: string;
  slug?: string;
  roomId?: string;
}): Promise<SlugPreview> {
  const wanted = slug?.trim() ? slug.trim().toLowerCase() : baseSlug(name);
  const owner = await db.room.findUnique({ where: { slug: wanted }, select: { id: true, name: true } });
  const takenBy = owner && owner.id !== roomId ? owner : null;
  const free = takenBy ? firstFreeSlug(wanted, await takenSlugs(wanted, roomId)) : wanted;
  return { slug: wanted, takenBy, free };
}

const isSlugViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError &&
  error.code === "P2002" &&
  JSON.stringify(error.meta ?? {}).includes("slug");

async function slugTakenError(slug: string) {
  const owner = await findRoomBySlugForAdmin({ slug });
  return invalid({
    slug: owner
      ? `This address is already used by “${owner.name}”. Pick another one.`
      : "This address is already taken. Pick another one.",
  });
}

/**
 * Creates a room. An explicit slug must be free (else a field error); without one, the name's
 * slug with the first free suffix, as the public form does.
 */
export async function adminCreateRoom(input: {
  name: string;
  slug?: string;
  topicName: string;
  description: string;
  hostId: string;
  audit: (room: { id: string; slug: string }) => AuditEntryInput;
}): Promise<{ id: string; slug: string }> {
  const base = baseSlug(input.name);
  for (let attempt = 0; ; attempt++) {
    const slug = input.slug ?? firstFreeSlug(base, await takenSlugs(base));
    try {
      return await db.$transaction(async (tx) => {
        if (input.slug && (await tx.room.count({ where: { slug } })) > 0) throw await slugTakenError(slug);
        const topic = await findOrCreateTopic({ name: input.topicName }, tx);
        await lockTopics([topic.id], tx);
        const room = await tx.room.create({
          data: { name: input.name, slug, description: input.description, topicId: topic.id, hostId: input.hostId },
          select: { id: true, slug: true },
        });
        await addParticipant({ roomId: room.id, userId: input.hostId }, tx);
        await recountTopicRooms([topic.id], tx);
        await writeAuditEntry(input.audit(room), tx);
        return room;
      });
    } catch (error) {
      if (!isSlugViolation(error)) throw error;
      // Someone took the slug between the check and the insert.
      if (input.slug || attempt >= 4) throw await slugTakenError(slug);
    }
  }
}

export interface RoomChange {
  id: string;
  slug: string;
  name: string;
  description: string;
  topic: { name: string; slug: string };
  /** "name: Old → New; address: old → new", for the audit detail. */
  changes: string[];
}

/** Edits name, address, topic and description. A taken address is a field error. */
export async function adminUpdateRoom(input: {
  id: string;
  name: string;
  slug: string;
  topicName: string;
  description: string;
  audit: (change: RoomChange) => AuditEntryInput;
}): Promise<RoomChange> {
  try {
    return await db.$transaction(async (tx) => {
      // Room row first, then its topics: the order lib/db/rooms.ts takes too, so a host's edit
      // and a moderator's at the same moment wait for each other instead of deadlocking.
      await tx.$queryRaw`SELECT id FROM "Room" WHERE id = ${input.id} FOR UPDATE`;
      const before = await tx.room.findUnique({
        where: { id: input.id },
        select: { id: true, name: true, slug: true, description: true, topic: { select: { id: true, name: true } } },
      });
      if (!before) throw notFound("room", "This room no longer exists.");
      if (input.slug !== before.slug && (await tx.room.count({ where: { slug: input.slug } })) > 0)
        throw await slugTakenError(input.slug);
      const topic = await findOrCreateTopic({ name: input.topicName }, tx);
      const topicIds = [before.topic.id, topic.id];
      await lockTopics(topicIds, tx);
      const after = await tx.room.update({
        where: { id: input.id },
        data: { name: input.name, slug: input.slug, description: input.description, topicId: topic.id },
        select: { id: true, slug: true, name: true, description: true, topic: { select: { name: true, slug: true } } },
      });
      if (before.topic.id !== topic.id) await recountTopicRooms(topicIds, tx);
      const changes = [
        before.name !== after.name ? `name: ${before.name} → ${after.name}` : null,
        before.slug !== after.slug ? `address: ${before.slug} → ${after.slug}` : null,
        before.topic.id !== topic.id ? `topic: ${before.topic.name} → ${after.topic.name}` : null,
        before.description !== after.description ? "description changed" : null,
      ].filter((c): c is string => c !== null);
      const change = { ...after, changes };
      await writeAuditEntry(input.audit(change), tx);
      return change;
    });
  } catch (error) {
    if (isSlugViolation(error)) throw await slugTakenError(input.slug);
    throw error;
  }
}

/** Deletes the room (messages and memberships by cascade) and recounts its topic. */
export async function adminDeleteRoom({
  id,
  audit,
}: {
  id: string;
  audit: (room: { id: string; slug: string; name: string }) => AuditEntryInput;
}) {
  return db.$transaction(async (tx) => {
    // Room row first, then its topic (the order lib/db/rooms.ts takes; see adminUpdateRoom).
    await tx.$queryRaw`SELECT id FROM "Room" WHERE id = ${id} FOR UPDATE`;
    const room = await tx.room.findUnique({
      where: { id },
      select: { id: true, slug: true, name: true, topicId: true },
    });
    if (!room) throw notFound("room", "This room no longer exists.");
    await lockTopics([room.topicId], tx);
    await tx.room.delete({ where: { id } });
    await recountTopicRooms([room.topicId], tx);
    await writeAuditEntry(audit(room), tx);
    return room;
  });
}

/** Makes `hostId` the room's host (and a participant). */
export async function adminReassignHost({
  id,
  hostId,
  audit,
}: {
  id: string;
  hostId: string;
  audit: (info: { room: { id: string; name: string }; previous: string | null }) => AuditEntryInput;
}) {
  return db.$transaction(async (tx) => {
    const room = await tx.room.findUnique({
      where: { id },
      select: { id: true, name: true, slug: true, host: { select: { username: true } } },
    });
    if (!room) throw notFound("room", "This room no longer exists.");
    await tx.room.update({ where: { id }, data: { hostId } });
    await addParticipant({ roomId: id, userId: hostId }, tx);
    await writeAuditEntry(audit({ room, previous: room.host?.username ?? null }), tx);
    return room;
  });
}

/** Locks (read-only) or unlocks the room; `changed` is false when it already was. */
export async function adminSetRoomLock({
  id,
  locked,
  byId,
  audit,
}: {
  id: string;
  locked: boolean;
  byId: string;
  audit: (room: { id: string; name: string }) => AuditEntryInput;
}) {
  return db.$transaction(async (tx) => {
    // Description and topic too: the caller tells open rooms (`room:updated` carries them all).
    const room = await tx.room.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        slug: true,
        description: true,
        lockedAt: true,
        topic: { select: { name: true, slug: true } },
      },
    });
    if (!room) throw notFound("room", "This room no longer exists.");
    if ((room.lockedAt !== null) === locked) return { room, changed: false };
    await tx.room.update({
      where: { id },
      data: locked ? { lockedAt: new Date(), lockedById: byId } : { lockedAt: null, lockedById: null },
    });
    await writeAuditEntry(audit(room), tx);
    return { room, changed: true };
  });
}
