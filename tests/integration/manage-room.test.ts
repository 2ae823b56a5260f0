// Editing and deleting a room through lib/rooms (edit-room.ts, delete-room.ts), the one path the room
// page, My activity and the admin area share: who may, the topic counts, and the audit entry in the
// write's transaction whenever a moderator acts (on someone else's room anywhere, on any from /admin).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { deleteRoomAs } from "@/lib/rooms/delete-room";
import { editRoomAs } from "@/lib/rooms/edit-room";
import { auditSince, lastAuditId, person, refusal } from "../support/admin-fixtures";

let host: SessionUser;
let stranger: SessionUser;
let moderator: SessionUser;

beforeAll(async () => {
  [host, stranger, moderator] = await Promise.all([person("MEMBER"), person("MEMBER"), person("MODERATOR")]);
});
afterAll(() => disconnectDb());

const openRoom = (name: string, hostId = host.id) =>
  createRoom({ name, topicName: "Deletions", description: "", hostId });

const deletionsCount = async () => (await db.topic.findUniqueOrThrow({ where: { slug: "deletions" } })).roomCount;

describe("deleteRoomAs", () => {
  it("lets the host delete their room, unaudited, and counts it out of its topic once", async () => {
    const room = await openRoom("Host deletes");
    const before = await deletionsCount();
    const mark = await lastAuditId();
    expect(await deleteRoomAs(host, { slug: room.slug })).toEqual({
      id: room.id,
      slug: room.slug,
      name: "Host deletes",
      deleted: true,
    });
    expect(await db.room.count({ where: { id: room.id } })).toBe(0);
    expect(await deletionsCount()).toBe(before - 1);
    expect(await auditSince(mark)).toEqual([]);
  });

  it("refuses another member with the caller's wording, and an unknown room with a 404", async () => {
    const room = await openRoom("Not yours");
    const denied = await refusal(deleteRoomAs(stranger, { slug: room.slug }, { refusal: "Not your room." }));
    expect([denied.status, denied.message]).toEqual([403, "Not your room."]);
    const missing = await refusal(deleteRoomAs(host, { slug: "no-such-room-here" }));
    expect([missing.status, missing.message]).toEqual([404, "This room no longer exists."]);
    expect(await db.room.count({ where: { id: room.id } })).toBe(1);
  });

  it("audits a moderator deleting someone else's room from the member pages", async () => {
    const room = await openRoom("Moderator deletes");
    const mark = await lastAuditId();
    await deleteRoomAs(moderator, { slug: room.slug });
    const entries = await auditSince(mark);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: moderator.id,
      actorUsername: moderator.username,
      action: "room.delete",
      targetType: "room",
      targetId: room.id,
      targetLabel: "Moderator deletes",
      detail: `/rooms/${room.slug}`,
    });
  });

  it("audits every delete from the admin area, a moderator's own room too", async () => {
    const room = await openRoom("Own room, from admin", moderator.id);
    const mark = await lastAuditId();
    await deleteRoomAs(moderator, { id: room.id }, { fromAdminArea: true });
    expect((await auditSince(mark)).map((e) => e.action)).toEqual(["room.delete"]);
  });

  it("deletes, counts and audits once when asked twice at once", async () => {
    const room = await openRoom("Asked twice");
    const before = await deletionsCount();
    const mark = await lastAuditId();
    const results = await Promise.allSettled([
      deleteRoomAs(moderator, { id: room.id }),
      deleteRoomAs(moderator, { id: room.id }),
    ]);
    const done = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.deleted] : []));
    // The second either finds it gone (404) or loses the delete (deleted: false).
    expect(done.filter(Boolean)).toHaveLength(1);
    expect(await deletionsCount()).toBe(before - 1);
    expect(await auditSince(mark)).toHaveLength(1);
  });
});

describe("editRoomAs", () => {
  it("lets the host rename their room, unaudited, keeping its address", async () => {
    const room = await openRoom("Host edits");
    const mark = await lastAuditId();
    const change = await editRoomAs(
      host,
      { slug: room.slug },
      { name: "Host edited", topicName: "Deletions", description: "" },
    );
    expect(change).toMatchObject({
      id: room.id,
      slug: room.slug,
      name: "Host edited",
      changes: ["name: Host edits → Host edited"],
    });
    expect(await auditSince(mark)).toEqual([]);
  });

  it("refuses another member, and audits a moderator's edit of someone else's room in its transaction", async () => {
    const room = await openRoom("Moderator edits");
    const denied = await refusal(
      editRoomAs(stranger, { slug: room.slug }, { name: "Mine now", topicName: "Deletions", description: "" }),
    );
    expect([denied.status, denied.message]).toEqual([403, "Only the room’s host and moderators can change this room."]);
    const mark = await lastAuditId();
    await editRoomAs(
      moderator,
      { slug: room.slug },
      { name: "Moderator edits", topicName: "Deletions", description: "Tidied" },
    );
    expect(await auditSince(mark)).toMatchObject([
      {
        actorId: moderator.id,
        action: "room.update",
        targetId: room.id,
        targetLabel: "Moderator edits",
        detail: "description changed",
      },
    ]);
  });

  it("makes a taken address a field error naming the room that has it", async () => {
    const [first, second] = [await openRoom("Address one"), await openRoom("Address two")];
    const taken = await refusal(
      editRoomAs(
        moderator,
        { id: second.id },
        { name: "Address two", slug: first.slug, topicName: "Deletions", description: "" },
        { fromAdminArea: true },
      ),
    );
    expect(taken.fields?.slug).toBe("This address is already used by “Address one”. Pick another one.");
  });
});
