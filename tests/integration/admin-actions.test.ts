// Admin actions through performAdminAction (what every server action under app/admin calls), on
// the real database, mail catcher and soketi: rooms (slug preview and conflicts, topic counts,
// lock, host), topics (merge with exact counts, merge into itself, delete only when empty),
// members (last admin, deactivation ends sessions, delete keeps messages, verification),
// messages (deletions fan out live), support requests, and the audit entry of each.
import type PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { performAdminAction } from "@/lib/admin/perform";
import { authorizeChannel } from "@/lib/chat/channel-auth";
import { deleteMessage } from "@/lib/chat/message-deletion";
import { listAuditEntries } from "@/lib/db/audit-log";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import { openSupportRequest } from "@/lib/db/support-requests";
import type { SessionUser } from "@/lib/db/users";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { roomChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { auditSince, lastAuditId, person, refusal, reload } from "../support/admin-fixtures";
import { findMail } from "../support/mailbox";
import { waitFor } from "../support/wait-for";

const stack = inject("stack");

let admin: SessionUser;
let moderator: SessionUser;
let member: SessionUser;

beforeAll(async () => {
  admin = await person("ADMIN", { prefix: "root" });
  moderator = await person("MODERATOR", { prefix: "maya" });
  member = await person("MEMBER", { prefix: "mel" });
});
afterAll(() => disconnectDb());

const run = performAdminAction;

async function topicCounts(...slugs: string[]) {
  const rows = await db.topic.findMany({
    where: { slug: { in: slugs } },
    select: { slug: true, roomCount: true, _count: { select: { rooms: true } } },
  });
  return Object.fromEntries(rows.map((r) => [r.slug, { stored: r.roomCount, actual: r._count.rooms }]));
}

describe("rooms", () => {
  it("previews the slug from the name and says when it collides", async () => {
    await createRoom({ name: "Sourdough Starters", topicName: "Baking", description: "", hostId: member.id });
    const free = await run("room.slug_preview", moderator, { name: "Knife Skills!" });
    expect(free.data).toEqual({ slug: "knife-skills", takenBy: null, free: "knife-skills" });
    const taken = await run("room.slug_preview", moderator, { name: "sourdough starters" });
    expect(taken.data?.takenBy?.name).toBe("Sourdough Starters");
    expect(taken.data?.free).toBe("sourdough-starters-2");
    // A room's own slug is not a collision while it is edited.
    const own = await db.room.findUniqueOrThrow({ where: { slug: "sourdough-starters" } });
    expect(
      (await run("room.slug_preview", moderator, { name: "x", slug: "sourdough-starters", roomId: own.id })).data
        ?.takenBy,
    ).toBeNull();
  });

  it("creates a room with the next free slug, keeps the topic count, and records it", async () => {
    const mark = await lastAuditId();
    const result = await run("room.create", moderator, {
      name: "Sourdough Starters",
      topic: "Baking",
      description: "Levain talk",
      slug: "",
    });
    expect(result.data?.slug).toBe("sourdough-starters-2");
    const room = await db.room.findUniqueOrThrow({
      where: { slug: "sourdough-starters-2" },
      select: { hostId: true, participantCount: true },
    });
    expect(room).toEqual({ hostId: moderator.id, participantCount: 1 });
    expect(await topicCounts("baking")).toEqual({ baking: { stored: 2, actual: 2 } });
    const [entry] = await auditSince(mark);
    expect(entry).toMatchObject({
      actorId: moderator.id,
      actorUsername: moderator.username,
      action: "room.create",
      targetType: "room",
      targetLabel: "Sourdough Starters",
    });
  });

  it("refuses a taken slug as a field error naming the room, and stores nothing", async () => {
    const mark = await lastAuditId();
    const rooms = await db.room.count();
    const error = await refusal(
      run("room.create", moderator, { name: "Bread", topic: "Baking", slug: "sourdough-starters" }),
    );
    expect(error.status).toBe(400);
    expect(error.fields?.slug).toBe("This address is already used by “Sourdough Starters”. Pick another one.");
    expect(await db.room.count()).toBe(rooms);
    expect(await auditSince(mark)).toEqual([]);
  });

  it.each([
    ["an empty name", { name: "", topic: "Baking" }, "name"],
    ["a name too long", { name: "x".repeat(81), topic: "Baking" }, "name"],
    ["a slug with spaces", { name: "Good name", topic: "Baking", slug: "two words" }, "slug"],
    ["a missing topic", { name: "Good name" }, "topic"],
    ["an unknown host", { name: "Good name", topic: "Baking", host: "nobody_here" }, "host"],
  ])("refuses %s with a field error", async (_what, input, field) => {
    const error = await refusal(run("room.create", moderator, input));
    expect(error.status).toBe(400);
    expect(error.fields?.[field]).toBeTruthy();
  });

  it("edits name, slug and topic: a taken slug is a field error, a move recounts both topics", async () => {
    const { id } = await createRoom({ name: "Rye Breads", topicName: "Baking", description: "", hostId: member.id });
    const conflict = await refusal(
      run("room.update", moderator, {
        id,
        name: "Rye Breads",
        slug: "sourdough-starters",
        topic: "Baking",
        description: "",
      }),
    );
    expect(conflict.fields?.slug).toMatch(/already used by “Sourdough Starters”/);

    const mark = await lastAuditId();
    await run("room.update", moderator, {
      id,
      name: "Rye & Spelt",
      slug: "rye-and-spelt",
      topic: "Grains",
      description: "new",
    });
    const room = await db.room.findUniqueOrThrow({ where: { id }, select: { slug: true, name: true } });
    expect(room).toEqual({ slug: "rye-and-spelt", name: "Rye & Spelt" });
    expect(await topicCounts("baking", "grains")).toEqual({
      baking: { stored: 2, actual: 2 },
      grains: { stored: 1, actual: 1 },
    });
    const [entry] = await auditSince(mark);
    expect(entry?.detail).toBe(
      "name: Rye Breads → Rye & Spelt; address: rye-breads → rye-and-spelt; topic: Baking → Grains; description changed",
    );
  });

  it("404s an unknown room", async () => {
    const error = await refusal(run("room.delete", moderator, { id: "doesnotexist123" }));
    expect(error.status).toBe(404);
  });

  it("reassigns the host (who becomes a participant) and refuses unknown members", async () => {
    const { id } = await createRoom({ name: "Host swap", topicName: "Baking", description: "", hostId: member.id });
    const other = await person("MEMBER");
    const unknown = await refusal(run("room.reassign_host", moderator, { id, username: "nobody_at_all" }));
    expect(unknown.fields?.username).toBe("There is no member @nobody_at_all.");
    await run("room.reassign_host", moderator, { id, username: `@${other.username}` });
    expect((await db.room.findUniqueOrThrow({ where: { id } })).hostId).toBe(other.id);
    expect(await db.participant.count({ where: { roomId: id, userId: other.id } })).toBe(1);
  });

  it("locks and unlocks, recording who and why", async () => {
    const { id } = await createRoom({ name: "Lockable", topicName: "Baking", description: "", hostId: member.id });
    const mark = await lastAuditId();
    await run("room.lock", moderator, { id, reason: "Flame war" });
    expect((await db.room.findUniqueOrThrow({ where: { id } })).lockedById).toBe(moderator.id);
    // Locking a locked room changes nothing and records nothing.
    expect((await run("room.lock", moderator, { id, reason: "" })).message).toMatch(/already locked/);
    await run("room.unlock", moderator, { id });
    expect((await db.room.findUniqueOrThrow({ where: { id } })).lockedAt).toBeNull();
    expect((await auditSince(mark)).map((e) => [e.action, e.detail])).toEqual([
      ["room.lock", "Flame war"],
      ["room.unlock", ""],
    ]);
  });

  it("deletes a room, recounting its topic", async () => {
    const { id } = await createRoom({ name: "Short lived", topicName: "Ephemera", description: "", hostId: member.id });
    await run("room.delete", moderator, { id });
    expect(await db.room.count({ where: { id } })).toBe(0);
    expect(await topicCounts("ephemera")).toEqual({ ephemera: { stored: 0, actual: 0 } });
  });
});

describe("topics", () => {
  it("merges one topic into another: rooms move, counts stay exact, the source goes", async () => {
    for (const name of ["Js one", "Js two", "Js three"])
      await createRoom({ name, topicName: "JS", description: "", hostId: member.id });
    await createRoom({ name: "Js four", topicName: "JavaScript", description: "", hostId: member.id });
    const js = await db.topic.findUniqueOrThrow({ where: { slug: "js" } });
    const mark = await lastAuditId();

    const result = await run("topic.merge", admin, { id: js.id, into: "javascript" });
    expect(result.message).toBe("“JS” merged into “JavaScript”: 3 rooms moved.");
    expect(await db.topic.count({ where: { id: js.id } })).toBe(0);
    expect(await topicCounts("javascript")).toEqual({ javascript: { stored: 4, actual: 4 } });
    const [entry] = await auditSince(mark);
    expect(entry).toMatchObject({
      action: "topic.merge",
      targetLabel: "JavaScript",
      detail: "JS merged into JavaScript; 3 rooms moved",
    });
  });

  it("refuses to merge a topic into itself, and a moderator (admins only)", async () => {
    const topic = await db.topic.findUniqueOrThrow({ where: { slug: "javascript" } });
    const self = await refusal(run("topic.merge", admin, { id: topic.id, into: topic.id }));
    expect(self.status).toBe(400);
    expect(self.fields?.into).toBe("A topic cannot be merged into itself. Pick another topic.");
    // Named the way the form lets an admin type it, too.
    const byName = await refusal(run("topic.merge", admin, { id: topic.id, into: "JAVASCRIPT" }));
    expect(byName.fields?.into).toBe("A topic cannot be merged into itself. Pick another topic.");
    const unknown = await refusal(run("topic.merge", admin, { id: topic.id, into: "Nonexistent Topic" }));
    expect(unknown.fields?.into).toBe("There is no topic “Nonexistent Topic”. Type the name of an existing topic.");
    const mod = await refusal(run("topic.merge", moderator, { id: topic.id, into: "someothertopic1" }));
    expect(mod.status).toBe(403);
    expect(mod.message).toBe("Only admins can do this. Ask an admin if it needs doing.");
  });

  it("deletes only an empty topic", async () => {
    const full = await db.topic.findUniqueOrThrow({ where: { slug: "javascript" } });
    const error = await refusal(run("topic.delete", moderator, { id: full.id }));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/still has 4 rooms/);
    await run("topic.create", moderator, { name: "Empty Shelf" });
    const empty = await db.topic.findUniqueOrThrow({ where: { slug: "empty-shelf" } });
    await run("topic.delete", moderator, { id: empty.id });
    expect(await db.topic.count({ where: { id: empty.id } })).toBe(0);
  });

  it("refuses a duplicate name (any case) on create and rename", async () => {
    const dup = await refusal(run("topic.create", moderator, { name: "javascript" }));
    expect(dup.fields?.name).toMatch(/already a topic “JavaScript”/);
    await run("topic.create", moderator, { name: "Pyhton" });
    const typo = await db.topic.findUniqueOrThrow({ where: { slug: "pyhton" } });
    const clash = await refusal(run("topic.rename", moderator, { id: typo.id, name: "JAVASCRIPT" }));
    expect(clash.fields?.name).toBeTruthy();
    await run("topic.rename", moderator, { id: typo.id, name: "Python 3" });
    expect(await db.topic.findUniqueOrThrow({ where: { id: typo.id } })).toMatchObject({
      name: "Python 3",
      slug: "python-3",
    });
  });
});

describe("members", () => {
  it("keeps the last admin: the only active admin cannot lose the role, be deactivated or deleted", async () => {
    // Start from exactly one active admin in this database.
    await db.user.updateMany({ where: { role: "ADMIN", NOT: { id: admin.id } }, data: { role: "MEMBER" } });
    const demote = await refusal(run("member.set_role", admin, { id: admin.id, role: "MODERATOR" }));
    expect(demote.status).toBe(409);
    expect(demote.message).toMatch(/^You are the last admin: you cannot give up the role/);

    const second = await person("ADMIN");
    await run("member.set_role", second, { id: admin.id, role: "MEMBER" });
    expect((await reload(admin.id)).role).toBe("MEMBER");
    // Now `second` is the last one.
    const self = await refusal(run("member.set_role", second, { id: second.id, role: "MEMBER" }));
    expect(self.code).toBe("conflict:last_admin");
    await run("member.set_role", second, { id: admin.id, role: "ADMIN" });
    admin = await reload(admin.id);
    const deactivated = await person("ADMIN");
    await db.user.update({ where: { id: deactivated.id }, data: { deactivatedAt: new Date() } });
    // A deactivated admin does not count: with `admin` and `second` active, one may go.
    await run("member.deactivate", admin, { id: second.id });
    const last = await refusal(run("member.deactivate", moderator, { id: admin.id }));
    expect(last.status).toBe(403); // moderators never act on admins
  });

  it("lets only admins change roles (403 with a message for a moderator)", async () => {
    const error = await refusal(run("member.set_role", moderator, { id: member.id, role: "MODERATOR" }));
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/Only admins/);
    const bad = await refusal(run("member.set_role", admin, { id: member.id, role: "OWNER" }));
    expect(bad.fields?.role).toBeTruthy();
  });

  it("deactivates: sessions end (version bumped), content stays; reactivates", async () => {
    const target = await person("MEMBER");
    const { id: roomId } = await createRoom({
      name: "Stays put",
      topicName: "Baking",
      description: "",
      hostId: target.id,
    });
    await db.message.create({ data: { roomId, authorId: target.id, body: "still here" } });
    const mark = await lastAuditId();
    await run("member.deactivate", moderator, { id: target.id });
    const after = await reload(target.id);
    expect(after.deactivated).toBe(true);
    expect(after.sessionVersion).toBe(target.sessionVersion + 1);
    expect(await db.message.count({ where: { authorId: target.id, deletedAt: null } })).toBe(1);
    expect((await db.room.findUniqueOrThrow({ where: { id: roomId } })).hostId).toBe(target.id);
    await run("member.reactivate", moderator, { id: target.id });
    expect((await reload(target.id)).deactivated).toBe(false);
    expect((await auditSince(mark)).map((e) => [e.action, e.targetLabel])).toEqual([
      ["member.deactivate", `@${target.username}`],
      ["member.reactivate", `@${target.username}`],
    ]);
  });

  it("refuses a moderator acting on another moderator, and anyone deactivating themselves", async () => {
    const other = await person("MODERATOR");
    expect((await refusal(run("member.deactivate", moderator, { id: other.id }))).status).toBe(403);
    expect((await refusal(run("member.deactivate", moderator, { id: moderator.id }))).code).toBe("forbidden:self");
  });

  it("deletes a member (admins only): messages stay without an author, the audit keeps names", async () => {
    const target = await person("MEMBER");
    const { id: roomId } = await createRoom({
      name: "Anonymous after",
      topicName: "Baking",
      description: "",
      hostId: member.id,
    });
    const message = await db.message.create({ data: { roomId, authorId: target.id, body: "my words" } });
    expect((await refusal(run("member.delete", moderator, { id: target.id }))).status).toBe(403);
    await run("member.delete", admin, { id: target.id });
    expect(await db.user.count({ where: { id: target.id } })).toBe(0);
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      authorId: null,
      body: "my words",
    });
    const [entry] = await db.auditLog.findMany({ where: { action: "member.delete", targetId: target.id } });
    expect(entry).toMatchObject({
      targetLabel: `@${target.username}`,
      detail: "1 messages kept as Anonymous User; 0 rooms kept without a host",
    });
  });

  it("keeps an entry's actor name after the actor's account is deleted", async () => {
    const gone = await person("MODERATOR");
    await run("topic.create", gone, { name: "Orphaned entry" });
    await db.user.delete({ where: { id: gone.id } });
    const [entry] = await db.auditLog.findMany({ where: { action: "topic.create", targetLabel: "Orphaned entry" } });
    expect(entry).toMatchObject({ actorId: null, actorUsername: gone.username });
  });

  it("marks an email verified and resends verification by mail", async () => {
    const target = await person("MEMBER", { verified: false });
    await run("member.resend_verification", moderator, { id: target.id });
    const mail = await findMail(stack.mailApiUrl, target.email, "Confirm your email for Roomful");
    expect(mail.text).toContain("/verify-email?token=");
    await run("member.verify_email", moderator, { id: target.id });
    expect((await reload(target.id)).emailVerified).toBe(true);
    const again = await refusal(run("member.resend_verification", moderator, { id: target.id }));
    expect(again.status).toBe(409);
  });
});

describe("messages", () => {
  const clients: PusherClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  async function watch(roomId: string) {
    const client = createRealtimeClient(publicRealtimeConfig(), async ({ socketId, channelName }) =>
      authorizeChannel({ actor: member, input: { socket_id: socketId, channel_name: channelName } }),
    );
    clients.push(client);
    const channel = client.subscribe(roomChannel(roomId));
    await new Promise<void>((resolve, reject) => {
      channel.bind("pusher:subscription_succeeded", () => resolve());
      channel.bind("pusher:subscription_error", (e: unknown) => reject(new Error(JSON.stringify(e))));
    });
    const deleted: number[] = [];
    channel.bind("message:deleted", (data: { messageId: number }) => deleted.push(data.messageId));
    return deleted;
  }

  it("deletes one message, live, and records an excerpt", async () => {
    const spammer = await person("MEMBER");
    const { id: roomId } = await createRoom({
      name: "Live deletes",
      topicName: "Baking",
      description: "",
      hostId: member.id,
    });
    const message = await db.message.create({
      data: { roomId, authorId: spammer.id, body: "Buy cheap   watches\nnow" },
    });
    const deleted = await watch(roomId);
    const mark = await lastAuditId();
    await run("message.delete", moderator, { id: String(message.id) });
    await waitFor(() => deleted.includes(message.id));
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ body: "" });
    expect((await auditSince(mark))[0]).toMatchObject({
      action: "message.delete",
      targetLabel: "Buy cheap watches now",
      detail: `by @${spammer.username} in Live deletes`,
    });
    expect((await run("message.delete", moderator, { id: message.id })).message).toBe(
      "That message was already deleted.",
    );
  });

  it("records an excerpt cut between the halves of an emoji without storing half of it", async () => {
    const { id: roomId } = await createRoom({
      name: "Emoji cut",
      topicName: "Baking",
      description: "",
      hostId: member.id,
    });
    // The excerpt keeps 79 characters: the 79th is the first half of 😀 (two UTF-16 code units).
    const message = await db.message.create({
      data: { roomId, authorId: member.id, body: `${"x".repeat(78)}😀 and more` },
    });
    const mark = await lastAuditId();
    await run("message.delete", moderator, { id: message.id });
    const [entry] = await auditSince(mark);
    expect(entry?.targetLabel).toBe(`${"x".repeat(78)}…`);
  });

  it("deletes all of a member's messages (in every room or one), each one live", async () => {
    const spammer = await person("MEMBER");
    const a = await createRoom({ name: "Spam target A", topicName: "Baking", description: "", hostId: member.id });
    const b = await createRoom({ name: "Spam target B", topicName: "Baking", description: "", hostId: member.id });
    const ids = [];
    for (const roomId of [a.id, a.id, b.id])
      ids.push((await db.message.create({ data: { roomId, authorId: spammer.id, body: "spam" } })).id);
    const keep = await db.message.create({ data: { roomId: a.id, authorId: member.id, body: "legit" } });
    const deletedInA = await watch(a.id);

    const onlyB = await run("message.delete_all", moderator, { userId: spammer.id, roomId: b.id });
    expect(onlyB.data).toEqual({ count: 1 });
    const rest = await run("message.delete_all", moderator, { userId: spammer.id, roomId: "" });
    expect(rest.data).toEqual({ count: 2 });
    await waitFor(() => deletedInA.length === 2);
    expect(deletedInA.sort()).toEqual(ids.slice(0, 2).sort());
    expect(await db.message.count({ where: { authorId: spammer.id, deletedAt: null } })).toBe(0);
    expect((await db.message.findUniqueOrThrow({ where: { id: keep.id } })).deletedAt).toBeNull();
  });
});

describe("in-room deletions (lib/chat's deleteMessage)", () => {
  it("records a moderator deleting someone else's message, not an author or a host", async () => {
    const author = await person("MEMBER");
    const room = await createRoom({ name: "Some room", topicName: "Baking", description: "", hostId: member.id });
    const write = async (authorId: string) =>
      (await db.message.create({ data: { roomId: room.id, authorId, body: "rude words" } })).id;
    const mark = await lastAuditId();
    await deleteMessage({ actor: author, slug: room.slug, messageId: await write(author.id) });
    await deleteMessage({ actor: member, slug: room.slug, messageId: await write(author.id) });
    await deleteMessage({ actor: moderator, slug: room.slug, messageId: await write(moderator.id) });
    expect(await auditSince(mark)).toEqual([]);
    const id = await write(author.id);
    await deleteMessage({ actor: moderator, slug: room.slug, messageId: id });
    const entries = await auditSince(mark);
    expect(entries.map((e) => [e.action, e.actorUsername, e.targetId, e.targetLabel, e.detail])).toEqual([
      [
        "message.delete",
        moderator.username,
        String(id),
        "rude words",
        `by @${author.username} in Some room (in the room)`,
      ],
    ]);
  });
});

describe("support requests", () => {
  it("closes with a note (required), marks verified, resends — each recorded", async () => {
    const asker = await person("MEMBER", { verified: false });
    const first = await openSupportRequest({
      userId: asker.id,
      email: asker.email,
      kind: "RESEND_VERIFICATION",
      detail: "limit reached",
    });
    const noNote = await refusal(run("support.close", moderator, { id: first.id, note: "  " }));
    expect(noNote.fields?.note).toBe("Write a short note: what was done?");

    await run("support.resend_verification", moderator, { id: first.id });
    await findMail(stack.mailApiUrl, asker.email, "Confirm your email for Roomful");
    expect(await db.supportRequest.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "HANDLED",
      handledById: moderator.id,
      note: "Verification mail sent again.",
    });

    const second = await openSupportRequest({
      userId: asker.id,
      email: asker.email,
      kind: "RESEND_VERIFICATION",
      detail: "again",
    });
    await run("support.mark_verified", moderator, { id: second.id });
    expect((await reload(asker.id)).emailVerified).toBe(true);
    expect((await db.supportRequest.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("HANDLED");

    const third = await openSupportRequest({
      userId: null,
      email: "stranger@example.test",
      kind: "OTHER",
      detail: "help",
    });
    expect((await refusal(run("support.resend_verification", moderator, { id: third.id }))).status).toBe(409);
    await run("support.close", moderator, { id: third.id, note: "Answered by mail." });
    expect((await run("support.close", moderator, { id: third.id, note: "twice" })).message).toBe(
      "This request was already handled.",
    );
    const entries = await db.auditLog.findMany({ where: { targetType: "support_request" }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.action, e.targetId])).toEqual([
      ["support.resend_verification", first.id],
      ["support.mark_verified", second.id],
      ["support.close", second.id],
      ["support.close", third.id],
    ]);
  });
});

describe("audit log list", () => {
  it("searches actor, target and detail, and pages by id both ways", async () => {
    const page1 = await listAuditEntries({ take: 3 });
    expect(page1.entries).toHaveLength(3);
    expect(page1.hasOlder).toBe(true);
    const page2 = await listAuditEntries({ take: 3, before: page1.entries.at(-1)?.id });
    expect(page2.entries[0]?.id).toBeLessThan(page1.entries[2]?.id ?? 0);
    const back = await listAuditEntries({ take: 3, after: page2.entries[0]?.id });
    expect(back.entries.map((e) => e.id)).toEqual(page1.entries.map((e) => e.id));
    expect((await listAuditEntries({ q: "flame WAR" })).entries.map((e) => e.action)).toEqual(["room.lock"]);
    expect((await listAuditEntries({ q: `@${moderator.username}` })).entries.length).toBeGreaterThan(5);
    expect((await listAuditEntries({ q: "%" })).entries).toEqual([]);
  });
});
