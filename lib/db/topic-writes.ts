// Topic writes by moderators: create, rename, delete (only when empty) and merge, each with its
// audit entry in the same transaction. A merge moves many rooms, so it locks and recounts topics.
import "server-only";
import { db } from "./client";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import type { Prisma } from "./generated/prisma/client";
import { isUniqueViolation } from "./unique-violation";
import { lockTopics, recountTopicRooms } from "./topics";
import { baseSlug } from "../rooms/slug";
import { AppError, invalid, notFound } from "../errors";

type Tx = Prisma.TransactionClient;

/** Another topic with this name (any case) or slug, if any. */
async function clashingTopic(name: string, slug: string, exceptId: string | undefined, tx: Tx) {
  return tx.topic.findFirst({
    where: {
      OR: [{ slug }, { name: { equals: name, mode: "insensitive" } }],
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { id: true, name: true },
  });
}

function nameTaken(name: string): AppError {
  return invalid({ name: `There is already a topic “${name}”. To combine the two, merge one into the other.` });
}

export async function createTopic({ name, audit }: { name: string; audit: Omit<AuditEntryInput, "targetId"> }) {
  const slug = baseSlug(name, "topic");
  try {
    return await db.$transaction(async (tx) => {
      const clash = await clashingTopic(name, slug, undefined, tx);
      if (clash) throw nameTaken(clash.name);
      const topic = await tx.topic.create({ data: { name, slug }, select: { id: true, name: true, slug: true } });
      await writeAuditEntry({ ...audit, targetId: topic.id }, tx);
      return topic;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** Renames the topic; its slug follows the new name (topic links are rebuilt from the slug). */
export async function renameTopic({
  id,
  name,
  audit,
}: {
  id: string;
  name: string;
  audit: (before: { name: string }) => AuditEntryInput;
}) {
  const slug = baseSlug(name, "topic");
  try {
    return await db.$transaction(async (tx) => {
      const topic = await tx.topic.findUnique({ where: { id }, select: { id: true, name: true, slug: true } });
      if (!topic) throw notFound("topic", "This topic no longer exists.");
      const clash = await clashingTopic(name, slug, id, tx);
      if (clash) throw nameTaken(clash.name);
      const updated = await tx.topic.update({
        where: { id },
        data: { name, slug },
        select: { id: true, name: true, slug: true },
      });
      await writeAuditEntry(audit(topic), tx);
      return { before: topic, after: updated };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** Deletes an empty topic; 409 while it has rooms. */
export async function deleteTopic({ id, audit }: { id: string; audit: (topic: { name: string }) => AuditEntryInput }) {
  return db.$transaction(async (tx) => {
    await lockTopics([id], tx);
    const topic = await tx.topic.findUnique({
      where: { id },
      select: { id: true, name: true, _count: { select: { rooms: true } } },
    });
    if (!topic) throw notFound("topic", "This topic no longer exists.");
    const rooms = topic._count.rooms;
    if (rooms > 0) {
      throw new AppError(
        "conflict:topic_not_empty",
        `“${topic.name}” still has ${rooms} room${rooms === 1 ? "" : "s"}. Merge it into another topic instead, or move its rooms first.`,
        409,
      );
    }
    await tx.topic.delete({ where: { id } });
    await writeAuditEntry(audit(topic), tx);
    return { name: topic.name };
  });
}

/**
 * Moves every room of topic `id` into topic `into`, deletes `id` and recounts `into`, all in one
 * transaction; `into` = `id` is refused (400) before anything is read.
 */
export async function mergeTopics({
  id,
  into,
  audit,
}: {
  id: string;
  into: string;
  audit: (info: { from: string; to: string; moved: number }) => AuditEntryInput;
}) {
  if (id === into) throw invalid({ into: "A topic cannot be merged into itself. Pick another topic." });
  return db.$transaction(async (tx) => {
    // The source's rooms first, then the topics: the order every room write takes (room row,
    // then its topics), so a merge waits for an edit in flight instead of deadlocking with it.
    await tx.$queryRaw`SELECT id FROM "Room" WHERE "topicId" = ${id} ORDER BY id FOR UPDATE`;
    await lockTopics([id, into], tx);
    const [source, target] = await Promise.all([
      tx.topic.findUnique({ where: { id }, select: { id: true, name: true } }),
      tx.topic.findUnique({ where: { id: into }, select: { id: true, name: true, slug: true } }),
    ]);
    if (!source) throw notFound("topic", "The topic to merge no longer exists.");
    if (!target) throw invalid({ into: "That topic no longer exists. Pick another one." });
    const { count: moved } = await tx.room.updateMany({ where: { topicId: id }, data: { topicId: into } });
    await tx.topic.delete({ where: { id } });
    await recountTopicRooms({ topicIds: [into] }, tx);
    await writeAuditEntry(audit({ from: source.name, to: target.name, moved }), tx);
    return { from: source.name, to: target, moved };
  });
}
