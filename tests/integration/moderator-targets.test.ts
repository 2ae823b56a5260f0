// Moderators never act on moderators or admins (lib/admin/access.ts's mayActOn), whichever way they
// come: the admin area's actions (delete one message or all of a member's, verify an email, resend
// verification, support requests), the room's own delete (lib/chat's deleteMessage) and avatar
// removal (DELETE /api/avatars/<userId>). Each refusal is a 403 that changes nothing; an admin may do all of it.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/db/users";

// The avatar route reads its caller from the session cookie.
let sessionToken: string | undefined;
vi.mock("next/headers", () => ({
  cookies: () => Promise.resolve({ get: () => (sessionToken === undefined ? undefined : { value: sessionToken }) }),
}));

const { performAdminAction } = await import("@/lib/admin/perform");
const { deleteMessage } = await import("@/lib/chat/message-deletion");
const { upsertAvatar } = await import("@/lib/db/avatars");
const { db, disconnectDb } = await import("@/lib/db/client");
const { createRoom } = await import("@/lib/db/rooms");
const { openSupportRequest } = await import("@/lib/db/support-requests");
const { sessionTokenFor } = await import("../support/session-token");
const avatarRoute = await import("@/app/api/avatars/[userId]/route");
const { auditSince, lastAuditId, person, refusal, reload } = await import("../support/admin-fixtures");

let admin: SessionUser;
let moderator: SessionUser;
let host: SessionUser;
let room: { id: string; slug: string };

beforeAll(async () => {
  [admin, moderator, host] = await Promise.all([person("ADMIN"), person("MODERATOR"), person("MEMBER")]);
  room = await createRoom({ name: "Staff words", topicName: "Rank", description: "", hostId: host.id });
});
afterAll(() => disconnectDb());

/** The staff a moderator must leave alone: an admin and another moderator. */
const staffTargets = async () => [await person("ADMIN"), await person("MODERATOR")];

const write = async (authorId: string, body = "staff words") =>
  (await db.message.create({ data: { roomId: room.id, authorId, body } })).id;

const isLive = async (id: number) => (await db.message.findUniqueOrThrow({ where: { id } })).deletedAt === null;

async function expectRefused(promise: Promise<unknown>, mark: number) {
  const error = await refusal(promise);
  expect([error.status, error.code]).toEqual([403, "forbidden:admin_target"]);
  expect(error.message).toMatch(/^Only admins can .+ a moderator or an admin\.$/);
  expect(await auditSince(mark)).toEqual([]);
}

describe("deleting a staff member's message", () => {
  it("refuses a moderator in the admin area and in the room; an admin may", async () => {
    for (const target of await staffTargets()) {
      const [fromAdmin, inRoom] = [await write(target.id), await write(target.id)];
      const mark = await lastAuditId();
      await expectRefused(performAdminAction("message.delete", moderator, { id: fromAdmin }), mark);
      await expectRefused(deleteMessage({ actor: moderator, slug: room.slug, messageId: inRoom }), mark);
      expect([await isLive(fromAdmin), await isLive(inRoom)]).toEqual([true, true]);

      await performAdminAction("message.delete", admin, { id: fromAdmin });
      await deleteMessage({ actor: admin, slug: room.slug, messageId: inRoom });
      expect([await isLive(fromAdmin), await isLive(inRoom)]).toEqual([false, false]);
    }
  });

  it("refuses the room's host (a member) too, who still tidies members' messages", async () => {
    const [staffMessage, memberMessage] = [await write(moderator.id), await write((await person()).id)];
    await expectRefused(deleteMessage({ actor: host, slug: room.slug, messageId: staffMessage }), await lastAuditId());
    await deleteMessage({ actor: host, slug: room.slug, messageId: memberMessage });
    expect([await isLive(staffMessage), await isLive(memberMessage)]).toEqual([true, false]);
  });

  it("lets a moderator delete their own message and a member's", async () => {
    const [own, members] = [await write(moderator.id), await write((await person()).id)];
    await deleteMessage({ actor: moderator, slug: room.slug, messageId: own });
    await performAdminAction("message.delete", moderator, { id: members });
    expect([await isLive(own), await isLive(members)]).toEqual([false, false]);
  });
});

describe("deleting all of a staff member's messages", () => {
  it("refuses a moderator (every room or one); an admin may", async () => {
    for (const target of await staffTargets()) {
      const ids = [await write(target.id), await write(target.id)];
      const mark = await lastAuditId();
      await expectRefused(performAdminAction("message.delete_all", moderator, { userId: target.id }), mark);
      await expectRefused(
        performAdminAction("message.delete_all", moderator, { userId: target.id, roomId: room.id }),
        mark,
      );
      expect(await Promise.all(ids.map(isLive))).toEqual([true, true]);
      expect((await performAdminAction("message.delete_all", admin, { userId: target.id })).data).toEqual({
        count: 2,
      });
    }
  });
});

describe("a staff member's email", () => {
  it("refuses a moderator verifying it or resending the mail; an admin may", async () => {
    for (const role of ["ADMIN", "MODERATOR"] as const) {
      const target = await person(role, { verified: false });
      const mark = await lastAuditId();
      await expectRefused(performAdminAction("member.verify_email", moderator, { id: target.id }), mark);
      await expectRefused(performAdminAction("member.resend_verification", moderator, { id: target.id }), mark);
      expect((await reload(target.id)).emailVerified).toBe(false);
      await performAdminAction("member.verify_email", admin, { id: target.id });
      expect((await reload(target.id)).emailVerified).toBe(true);
    }
  });

  it("refuses a moderator handling a staff member's support request by verifying or mailing them", async () => {
    const target = await person("ADMIN", { verified: false });
    const request = await openSupportRequest({
      userId: target.id,
      email: target.email,
      kind: "RESEND_VERIFICATION",
      detail: "no mail",
    });
    const mark = await lastAuditId();
    await expectRefused(performAdminAction("support.mark_verified", moderator, { id: request.id }), mark);
    await expectRefused(performAdminAction("support.resend_verification", moderator, { id: request.id }), mark);
    expect((await reload(target.id)).emailVerified).toBe(false);
    expect((await db.supportRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("OPEN");
    await performAdminAction("support.mark_verified", admin, { id: request.id });
    expect((await reload(target.id)).emailVerified).toBe(true);
  });
});

describe("a staff member's avatar", () => {
  const picture = (userId: string) => upsertAvatar({ userId, mimeType: "image/webp", data: new Uint8Array([1, 2, 3]) });
  const hasAvatar = async (userId: string) => (await db.avatar.count({ where: { userId } })) === 1;

  /** DELETE /api/avatars/<userId> as `caller`: the status and the error code, if any. */
  async function remove(caller: SessionUser, userId: string) {
    sessionToken = await sessionTokenFor(caller);
    const response = await avatarRoute.DELETE(
      new NextRequest(`http://localhost/api/avatars/${userId}`, { method: "DELETE" }),
      { params: Promise.resolve({ userId }) },
    );
    const body = (await response.json()) as { error?: { code: string } };
    return [response.status, body.error?.code ?? "ok"];
  }

  it("refuses a moderator removing it; an admin may, a moderator still removes a member's", async () => {
    for (const target of await staffTargets()) {
      await picture(target.id);
      expect(await remove(moderator, target.id)).toEqual([403, "forbidden:admin_target"]);
      expect(await hasAvatar(target.id)).toBe(true);
      expect(await remove(admin, target.id)).toEqual([200, "ok"]);
      expect(await hasAvatar(target.id)).toBe(false);
    }
    const member = await person();
    await picture(member.id);
    expect(await remove(moderator, member.id)).toEqual([200, "ok"]);
    expect(await hasAvatar(member.id)).toBe(false);
    await picture(moderator.id);
    expect(await remove(host, moderator.id)).toEqual([403, "forbidden:avatar"]);
  });
});
