// Admin actions on rooms: slug preview, create, edit, delete, reassign host, lock and unlock.
import "server-only";
import { reassignRoomHost, setRoomLock } from "../../db/room-moderation";
import { previewRoomSlug, type SlugPreview } from "../../db/room-slugs";
import { createRoom } from "../../db/rooms";
import { findMemberIdByUsername } from "../../db/users";
import { invalid } from "../../errors";
import { publishRoomUpdated } from "../../realtime/events";
import { deleteRoomAs } from "../../rooms/delete-room";
import { editRoomAs } from "../../rooms/edit-room";
import {
  adminRoomCreateSchema,
  adminRoomUpdateSchema,
  idSchema,
  reassignHostSchema,
  roomLockSchema,
  slugPreviewSchema,
} from "../../validation/admin";
import { defineOperation } from "../operation";

/** Open room pages switch their composer and "Locked" chip at once. */
async function publishLock(
  room: { id: string; slug: string; name: string; description: string; topic: { name: string; slug: string } },
  locked: boolean,
) {
  await publishRoomUpdated({
    roomId: room.id,
    slug: room.slug,
    name: room.name,
    description: room.description,
    topic: room.topic,
    locked,
  });
}

async function activeMemberId(username: string, field: string): Promise<string> {
  const member = await findMemberIdByUsername({ username });
  if (!member) throw invalid({ [field]: `There is no member @${username}.` });
  if (member.deactivatedAt) throw invalid({ [field]: `@${username} is deactivated and cannot host a room.` });
  return member.id;
}

export const roomOperations = {
  "room.slug_preview": defineOperation<{ name: string; slug?: string; roomId?: string }, SlugPreview>(
    slugPreviewSchema,
    async ({ input }) => {
      const preview = await previewRoomSlug(input);
      return { message: preview.takenBy ? `Taken by “${preview.takenBy.name}”.` : "Free.", data: preview };
    },
  ),

  "room.create": defineOperation(adminRoomCreateSchema, async ({ actor, input, audit }) => {
    const hostId = input.host ? await activeMemberId(input.host, "host") : actor.id;
    const room = await createRoom({
      name: input.name,
      slug: input.slug,
      topicName: input.topic,
      description: input.description,
      hostId,
      audit: (created) =>
        audit(
          { type: "room", id: created.id, label: input.name },
          `/rooms/${created.slug} in ${input.topic}${input.host ? `, hosted by @${input.host}` : ""}`,
        ),
    });
    return { message: `“${input.name}” is open at /rooms/${room.slug}.`, href: `/admin/rooms/${room.id}`, data: room };
  }),

  "room.update": defineOperation(adminRoomUpdateSchema, async ({ actor, input }) => {
    const change = await editRoomAs(
      actor,
      { id: input.id },
      { name: input.name, slug: input.slug, topicName: input.topic, description: input.description },
      { fromAdminArea: true },
    );
    return { message: change.changes.length ? "Room saved." : "Nothing changed." };
  }),

  "room.delete": defineOperation(idSchema, async ({ actor, input }) => {
    const room = await deleteRoomAs(actor, { id: input.id }, { fromAdminArea: true });
    return { message: `“${room.name}” and its messages are gone.`, href: "/admin/rooms" };
  }),

  "room.reassign_host": defineOperation(reassignHostSchema, async ({ input, audit }) => {
    const hostId = await activeMemberId(input.username, "username");
    const room = await reassignRoomHost({
      id: input.id,
      hostId,
      audit: ({ room: r, previous }) =>
        audit(
          { type: "room", id: r.id, label: r.name },
          `host: ${previous ? `@${previous}` : "none"} → @${input.username}`,
        ),
    });
    return { message: `@${input.username} now hosts “${room.name}”.` };
  }),

  "room.lock": defineOperation(roomLockSchema, async ({ actor, input, audit }) => {
    const { room, changed } = await setRoomLock({
      id: input.id,
      locked: true,
      byId: actor.id,
      audit: (r) => audit({ type: "room", id: r.id, label: r.name }, input.reason),
    });
    if (changed) await publishLock(room, true);
    return { message: changed ? `“${room.name}” is locked: nobody can post.` : `“${room.name}” was already locked.` };
  }),

  "room.unlock": defineOperation(idSchema, async ({ actor, input, audit }) => {
    const { room, changed } = await setRoomLock({
      id: input.id,
      locked: false,
      byId: actor.id,
      audit: (r) => audit({ type: "room", id: r.id, label: r.name }),
    });
    if (changed) await publishLock(room, false);
    return { message: changed ? `“${room.name}” is open for posts again.` : `“${room.name}” was not locked.` };
  }),
};
