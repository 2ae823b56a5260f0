// Reports (lib/moderation/reports.ts, lib/db/reports.ts, the /admin/reports actions): who may report (members, hosts,
// moderators, admins; visitors 401, unverified and deactivated 403), bad input (400), what is refused (own, deleted,
// twice: 409; unknown or another room's message: 404), a double submit racing, the rate limit; the queue with each
// message in context; each queue action's effect, audit entry and resolution of every open report with the returned
// reporterIds; who may act (moderators not on staff authors); deletion elsewhere resolving reports; account deletion.
import { readInbox } from "@/lib/notifications/inbox";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
import { POST as postReport } from "@/app/api/rooms/[slug]/messages/[id]/report/route";
import { GET as getReported } from "@/app/api/rooms/[slug]/reports/route";
import { performAdminAction } from "@/lib/admin/perform";
import { LIMITS } from "@/lib/auth/rate-limit";
import { deleteMessage } from "@/lib/chat/message-deletion";
import { deleteUserAccount } from "@/lib/db/account-deletion";
import { db, disconnectDb } from "@/lib/db/client";
import { countReportedMessages, listReportQueue } from "@/lib/db/reports";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { reportMessageAs } from "@/lib/moderation/reports";
import { REPORT_NOTE_MAX } from "@/lib/validation/reports";
import { auditSince, lastAuditId, person, refusal, resetLimit, roomCast } from "../support/admin-fixtures";
import { fuzzScope } from "../support/fuzz-scope";
import { sessionTokenFor } from "../support/session-token";

let host: SessionUser;
let member: SessionUser;
let moderator: SessionUser;
let admin: SessionUser;
/** Writes the messages that get reported. */
let author: SessionUser;

beforeAll(async () => {
  ({ host, member, moderator, admin } = await roomCast());
  author = await person("MEMBER", { prefix: "author" });
});
afterAll(() => disconnectDb());
beforeEach(() => resetLimit("messageReport"));

let rooms = 0;
const newRoom = () =>
  createRoom({ name: `Reports ${++rooms}`, topicName: "Testing", description: "", hostId: host.id });

async function post(roomId: string, by: SessionUser = author, body = "Buy cheap watches") {
  return db.message.create({ data: { roomId, authorId: by.id, body }, select: { id: true } });
}

const report = (actor: SessionUser | null, slug: string, messageId: number, input: unknown = { reason: "spam" }) =>
  reportMessageAs({ actor, slug, messageId, input });

/** The route, as `caller` (null: signed out). */
async function viaRoute(caller: SessionUser | null, slug: string, id: string | number, body: unknown) {
  fuzzScope.token = caller ? await sessionTokenFor(caller) : undefined;
  const request = new NextRequest(`http://localhost/api/rooms/${slug}/messages/${id}/report`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await postReport(request, { params: Promise.resolve({ slug, id: String(id) }) });
  return { status: response.status, body: await response.json() };
}

const reportsOf = (messageId: number) => db.report.findMany({ where: { messageId }, orderBy: { createdAt: "asc" } });

/** A live message of a new room, reported by `reporters`. */
async function reported(reporters: SessionUser[], by: SessionUser = author) {
  const room = await newRoom();
  const { id } = await post(room.id, by);
  for (const who of reporters) await report(who, room.slug, id, { reason: "harassment" });
  return { room, id };
}

describe("the permission matrix of reporting", () => {
  it("lets members, the host, moderators and admins report another's message (201 from the route)", async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    const answer = await viaRoute(member, room.slug, id, { reason: "other", note: "  Links to a scam  " });
    expect(answer.status).toBe(201);
    expect(answer.body.report).toMatchObject({ messageId: id, reason: "other" });
    for (const who of [host, moderator, admin]) await report(who, room.slug, id);
    const rows = await reportsOf(id);
    expect(rows.map((r) => [r.reporterId, r.reason, r.note, r.resolvedAt])).toEqual([
      [member.id, "OTHER", "Links to a scam", null],
      [host.id, "SPAM", "", null],
      [moderator.id, "SPAM", "", null],
      [admin.id, "SPAM", "", null],
    ]);
  });

  it("answers 401 to visitors and 403 to the unverified and the deactivated, storing nothing", async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    for (const body of [{ reason: "spam" }, "not json"]) {
      const visitor = await viaRoute(null, room.slug, id, body);
      expect([visitor.status, visitor.body.error.code]).toEqual([401, "unauthorized"]);
    }
    const unverified = await person("MEMBER", { verified: false });
    const deactivated = { ...(await person("MEMBER")), deactivated: true };
    const codes = [];
    for (const who of [unverified, deactivated]) {
      const refused = await refusal(report(who, room.slug, id));
      codes.push([refused.status, refused.code]);
    }
    expect(codes).toEqual([
      [403, "forbidden:unverified"],
      [403, "forbidden:deactivated"],
    ]);
    expect(await reportsOf(id)).toEqual([]);
  });
});

describe("the member's own reports in a room", () => {
  async function reportedVia(caller: SessionUser | null, slug: string) {
    fuzzScope.token = caller ? await sessionTokenFor(caller) : undefined;
    const request = new NextRequest(`http://localhost/api/rooms/${slug}/reports`);
    const response = await getReported(request, { params: Promise.resolve({ slug }) });
    return { status: response.status, body: await response.json() };
  }

  it("lists the ids of this room's messages the caller reported, newest first, and no one else's", async () => {
    const room = await newRoom();
    const other = await newRoom();
    const [first, second, third] = [await post(room.id), await post(room.id), await post(room.id)];
    const elsewhere = await post(other.id);
    await report(member, room.slug, first!.id);
    await report(member, room.slug, third!.id);
    await report(member, other.slug, elsewhere.id);
    await report(moderator, room.slug, second!.id);
    expect(await reportedVia(member, room.slug)).toEqual({ status: 200, body: { messageIds: [third!.id, first!.id] } });
    expect((await reportedVia(moderator, room.slug)).body).toEqual({ messageIds: [second!.id] });
    expect((await reportedVia(host, room.slug)).body).toEqual({ messageIds: [] });
  });

  it("answers 401 to visitors and 404 for an unknown room", async () => {
    const visitor = await reportedVia(null, "anything");
    expect([visitor.status, visitor.body.error.code]).toEqual([401, "unauthorized"]);
    const unknown = await reportedVia(member, "no-such-room-here");
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "not_found:room"]);
  });
});

describe("what cannot be reported", () => {
  it("answers 409 for one's own message, a deleted one and a second report", async () => {
    const room = await newRoom();
    const own = await post(room.id, member);
    const gone = await post(room.id);
    await db.message.update({ where: { id: gone.id }, data: { deletedAt: new Date(), body: "" } });
    const twice = await post(room.id);
    await report(member, room.slug, twice.id);
    const answers = [
      await viaRoute(member, room.slug, own.id, { reason: "spam" }),
      await viaRoute(member, room.slug, gone.id, { reason: "spam" }),
      await viaRoute(member, room.slug, twice.id, { reason: "harassment" }),
    ];
    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [409, "conflict:own_message"],
      [409, "conflict:message_deleted"],
      [409, "conflict:already_reported"],
    ]);
    expect(answers.every((a) => a.body.error.message.length > 10)).toBe(true);
    expect((await reportsOf(twice.id)).map((r) => r.reason)).toEqual(["SPAM"]);
    expect(await reportsOf(own.id)).toEqual([]);
  });

  it("answers 404 for another room's message, an unknown id or room", async () => {
    const [room, other] = [await newRoom(), await newRoom()];
    const foreign = await post(other.id);
    for (const [slug, id, code] of [
      [room.slug, foreign.id, "not_found:message"],
      [room.slug, 2_147_483_000, "not_found:message"],
      [room.slug, "abc", "not_found:message"],
      ["no-such-room-here", foreign.id, "not_found:room"],
    ] as const) {
      const answer = await viaRoute(member, slug, id, { reason: "spam" });
      expect([answer.status, answer.body.error.code], `${slug} ${id}`).toEqual([404, code]);
    }
    expect(await reportsOf(foreign.id)).toEqual([]);
  });

  it("answers 400 with the field for a bad reason, a note too long, 'other' without a note, or no JSON", async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    for (const [body, field] of [
      [{ reason: "rude" }, "reason"],
      [{}, "reason"],
      [{ reason: "spam", note: "x".repeat(REPORT_NOTE_MAX + 1) }, "note"],
      [{ reason: "spam", note: 5 }, "note"],
      [{ reason: "other" }, "note"],
      [{ reason: "other", note: "   " }, "note"],
      [{ reason: "other", note: "bad\u0000" }, "note"],
    ] as const) {
      const answer = await viaRoute(member, room.slug, id, body);
      expect([answer.status, Object.keys(answer.body.error.fields ?? {})], JSON.stringify(body)).toEqual([
        400,
        [field],
      ]);
    }
    const notJson = await viaRoute(member, room.slug, id, "not json");
    expect([notJson.status, notJson.body.error.code]).toEqual([400, "invalid:json"]);
    expect(await reportsOf(id)).toEqual([]);
  });
});

describe("double submits and the rate limit", () => {
  it("stores one report when the same member submits twice at once; the other answer is 409", async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    const answers = await Promise.all([1, 2, 3].map(() => viaRoute(member, room.slug, id, { reason: "spam" })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(await reportsOf(id)).toHaveLength(1);
  });

  it("refuses past the member's limit with 429 and Retry-After words", async () => {
    const room = await newRoom();
    const ids = [];
    for (let i = 0; i <= LIMITS.messageReport.points; i++) ids.push((await post(room.id)).id);
    for (const id of ids.slice(0, -1)) await report(member, room.slug, id);
    const refused = await refusal(report(member, room.slug, ids.at(-1) ?? 0));
    expect([refused.status, refused.code]).toEqual([429, "rate_limited:messageReport"]);
    expect(refused.retryAfter).toBeGreaterThan(0);
  });
});

describe("the queue", () => {
  it("shows each reported message once with its count, reasons, reporters and the messages around it", async () => {
    const room = await newRoom();
    const before = await post(room.id, host, "Welcome, everyone");
    const { id } = await post(room.id, author, "You are all idiots");
    const after = await post(room.id, member, "That was rude");
    await report(member, room.slug, id, { reason: "harassment" });
    await report(host, room.slug, id, { reason: "other", note: "Insults the room" });
    const waiting = await countReportedMessages();
    const entry = (await listReportQueue({ take: 500 })).entries.find((e) => e.messageId === id);
    expect(entry).toMatchObject({ body: "You are all idiots", count: 2, room: { slug: room.slug } });
    expect(entry?.author?.username).toBe(author.username);
    expect(entry?.reports.map((r) => [r.username, r.reason, r.note])).toEqual([
      [member.username, "HARASSMENT", ""],
      [host.username, "OTHER", "Insults the room"],
    ]);
    expect(entry?.before.map((m) => m.id)).toEqual([before.id]);
    expect(entry?.after.map((m) => [m.id, m.username])).toEqual([[after.id, member.username]]);
    await performAdminAction("report.dismiss", moderator, { messageId: id });
    expect((await listReportQueue({ take: 500 })).entries.some((e) => e.messageId === id)).toBe(false);
    expect(await countReportedMessages()).toBe(waiting - 1);
  });

  it("pages by the oldest open report: the page after an entry starts with the next one", async () => {
    const first = await reported([member]);
    const second = await reported([host]);
    const all = (await listReportQueue({ take: 500 })).entries.map((e) => e.messageId);
    expect(all.indexOf(first.id)).toBeLessThan(all.indexOf(second.id));
    const at = (await listReportQueue({ take: 500 })).entries.find((e) => e.messageId === first.id);
    if (!at) throw new Error("the first reported message is not in the queue");
    const next = await listReportQueue({
      take: 1,
      after: { firstReportedAt: at.firstReportedAt, messageId: at.messageId },
    });
    expect(next.entries.map((e) => e.messageId)).toEqual([all[all.indexOf(first.id) + 1]]);
  });
});

describe("acting on reports", () => {
  it("deletes the message through the core deletion, resolving every open report as deleted, audited", async () => {
    const { room, id } = await reported([member, host, admin]);
    const since = await lastAuditId();
    const result = await performAdminAction("report.delete_message", moderator, { messageId: id });
    expect(result.data).toEqual({
      messageId: id,
      roomId: room.id,
      roomSlug: room.slug,
      outcome: "deleted",
      reporterIds: expect.arrayContaining([member.id, host.id, admin.id]),
    });
    expect(result.data?.reporterIds).toHaveLength(3);
    const message = await db.message.findUniqueOrThrow({ where: { id } });
    expect([message.body, message.deletedAt !== null]).toEqual(["", true]);
    const rows = await reportsOf(id);
    expect(rows.map((r) => [r.outcome, r.resolvedById, r.resolvedAt !== null])).toEqual(
      Array(3).fill(["DELETED", moderator.id, true]),
    );
    const audit = await auditSince(since);
    expect(audit.map((a) => [a.action, a.targetType, a.targetId, a.actorId])).toEqual([
      ["report.delete_message", "message", String(id), moderator.id],
    ]);
    // Each reporter learns it in their inbox, once.
    const inbox = await readInbox({ reader: member, query: {} });
    expect(inbox.entries.filter((e) => e.message.id === id)).toEqual([
      expect.objectContaining({
        kind: "report",
        outcome: "deleted",
        read: false,
        message: expect.objectContaining({ deleted: true }),
      }),
    ]);
    expect(await db.notification.count({ where: { messageId: id, kind: "REPORT" } })).toBe(3);
  });

  it("mutes the author in the room, resolving the reports as muted, audited", async () => {
    const { room, id } = await reported([member, host]);
    const since = await lastAuditId();
    const result = await performAdminAction("report.mute_author", moderator, { messageId: id, minutes: 60 });
    expect(result.data).toMatchObject({ outcome: "muted", roomSlug: room.slug });
    const entries = await db.notification.findMany({
      where: { messageId: id },
      select: { userId: true, outcome: true },
    });
    expect(entries.map((e) => [e.userId, e.outcome]).sort()).toEqual(
      [
        [member.id, "muted"],
        [host.id, "muted"],
      ].sort(),
    );
    expect([...(result.data?.reporterIds ?? [])].sort()).toEqual([member.id, host.id].sort());
    const mute = await db.roomRestriction.findFirstOrThrow({ where: { roomId: room.id, userId: author.id } });
    expect(mute.kind).toBe("MUTE");
    expect(mute.until?.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect((await reportsOf(id)).map((r) => r.outcome)).toEqual(["MUTED", "MUTED"]);
    expect((await db.message.findUniqueOrThrow({ where: { id } })).deletedAt).toBeNull();
    const audit = await auditSince(since);
    expect(audit.map((a) => [a.action, a.targetType, a.targetId])).toEqual([["report.mute_author", "user", author.id]]);
  });

  it("bans the author from the room, resolving the reports as banned, audited", async () => {
    const { room, id } = await reported([member]);
    const since = await lastAuditId();
    const result = await performAdminAction("report.ban_author", admin, { messageId: id });
    expect(result.data).toMatchObject({ outcome: "banned", reporterIds: [member.id] });
    const ban = await db.roomRestriction.findFirstOrThrow({ where: { roomId: room.id, userId: author.id } });
    expect([ban.kind, ban.until]).toEqual(["BAN", null]);
    expect((await reportsOf(id)).map((r) => [r.outcome, r.resolvedById])).toEqual([["BANNED", admin.id]]);
    expect((await auditSince(since)).map((a) => a.action)).toEqual(["report.ban_author"]);
    await db.roomRestriction.deleteMany({ where: { userId: author.id } });
  });

  it("dismisses: the message stays, the reports are resolved as dismissed, audited", async () => {
    const { id } = await reported([member, host]);
    const since = await lastAuditId();
    const result = await performAdminAction("report.dismiss", moderator, { messageId: id });
    expect(result.data).toMatchObject({ outcome: "dismissed" });
    expect(result.data?.reporterIds).toHaveLength(2);
    expect((await db.message.findUniqueOrThrow({ where: { id } })).deletedAt).toBeNull();
    expect((await reportsOf(id)).map((r) => r.outcome)).toEqual(["DISMISSED", "DISMISSED"]);
    expect((await auditSince(since)).map((a) => [a.action, a.targetId])).toEqual([["report.dismiss", String(id)]]);
  });

  it("answers 409 once the reports are handled, and resolves only the reports open at the time", async () => {
    const { room, id } = await reported([member]);
    await performAdminAction("report.dismiss", moderator, { messageId: id });
    const again = await refusal(performAdminAction("report.dismiss", admin, { messageId: id }));
    expect([again.status, again.code]).toEqual([409, "conflict:reports_resolved"]);
    await report(host, room.slug, id);
    const second = await performAdminAction("report.dismiss", admin, { messageId: id });
    expect(second.data?.reporterIds).toEqual([host.id]);
    const unknown = await refusal(performAdminAction("report.dismiss", admin, { messageId: 2_147_483_000 }));
    expect([unknown.status, unknown.code]).toEqual([404, "not_found:message"]);
  });

  it("lets one of two moderators muting at once win; the other's mute and audit entry roll back", async () => {
    const other = await person("MODERATOR");
    const { room, id } = await reported([member]);
    const since = await lastAuditId();
    const outcomes = await Promise.allSettled(
      [moderator, other].map((who) => performAdminAction("report.mute_author", who, { messageId: id, minutes: 15 })),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await auditSince(since)).map((a) => a.action)).toEqual(["report.mute_author"]);
    expect(await db.roomRestriction.count({ where: { roomId: room.id, userId: author.id } })).toBe(1);
    await db.roomRestriction.deleteMany({ where: { userId: author.id } });
  });
});

describe("the permission matrix of acting", () => {
  it("hides the actions from visitors, members and hosts (404), changing nothing", async () => {
    const { id } = await reported([member]);
    for (const who of [null, member, host]) {
      for (const code of ["report.delete_message", "report.mute_author", "report.ban_author", "report.dismiss"]) {
        const refused = await refusal(performAdminAction(code as "report.dismiss", who, { messageId: id }));
        expect([refused.status, refused.code]).toEqual([404, "not_found:admin"]);
      }
    }
    expect((await reportsOf(id)).map((r) => r.resolvedAt)).toEqual([null]);
  });

  it("keeps moderators off reports about staff (403); admins delete or dismiss them but mute or ban no staff", async () => {
    const staff = await person("MODERATOR");
    const { id } = await reported([member, host], staff);
    for (const code of ["report.delete_message", "report.mute_author", "report.ban_author", "report.dismiss"]) {
      const refused = await refusal(performAdminAction(code as "report.dismiss", moderator, { messageId: id }));
      expect([refused.status, refused.code], code).toEqual([403, "forbidden:admin_target"]);
    }
    for (const code of ["report.mute_author", "report.ban_author"]) {
      const refused = await refusal(performAdminAction(code as "report.ban_author", admin, { messageId: id }));
      expect([refused.status, refused.code], code).toEqual([403, "forbidden:admin_target"]);
    }
    expect((await reportsOf(id)).map((r) => r.resolvedAt)).toEqual([null, null]);
    expect(await db.roomRestriction.count({ where: { userId: staff.id } })).toBe(0);
    const deleted = await performAdminAction("report.delete_message", admin, { messageId: id });
    expect(deleted.data?.reporterIds).toHaveLength(2);
  });

  it("lets a moderator handle reports about their own message but not mute themselves", async () => {
    const { id } = await reported([member], moderator);
    const self = await refusal(performAdminAction("report.mute_author", moderator, { messageId: id }));
    expect([self.status, self.code]).toEqual([403, "forbidden:self"]);
    expect((await performAdminAction("report.dismiss", moderator, { messageId: id })).data?.outcome).toBe("dismissed");
  });

  it("answers 400 for a bad message id or mute length", async () => {
    const { id } = await reported([member]);
    for (const input of [{}, { messageId: "x" }, { messageId: id, minutes: 0 }, { messageId: id, minutes: 1e9 }]) {
      const refused = await refusal(performAdminAction("report.mute_author", moderator, input));
      expect(refused.status, JSON.stringify(input)).toBe(400);
    }
  });
});

describe("deletion elsewhere and account deletion", () => {
  it("resolves a message's open reports as deleted when its author takes it back (by nobody)", async () => {
    const { room, id } = await reported([member, host]);
    const result = await deleteMessage({ actor: author, messageId: id, slug: room.slug });
    expect([...result.reporterIds].sort()).toEqual([member.id, host.id].sort());
    expect((await reportsOf(id)).map((r) => [r.outcome, r.resolvedById])).toEqual([
      ["DELETED", null],
      ["DELETED", null],
    ]);
  });

  it("resolves them as deleted by the moderator in a clean-up of all the member's messages", async () => {
    const spammer = await person("MEMBER");
    const { id } = await reported([member], spammer);
    await performAdminAction("message.delete_all", moderator, { userId: spammer.id });
    expect((await reportsOf(id)).map((r) => [r.outcome, r.resolvedById])).toEqual([["DELETED", moderator.id]]);
  });

  it("drops a deleted reporter's reports and keeps those about a deleted author's message", async () => {
    const [reporter, gone] = [await person("MEMBER"), await person("MEMBER")];
    const { id } = await reported([reporter, member], gone);
    await deleteUserAccount({ userId: reporter.id });
    await deleteUserAccount({ userId: gone.id });
    expect((await reportsOf(id)).map((r) => r.reporterId)).toEqual([member.id]);
    const ban = await refusal(performAdminAction("report.ban_author", moderator, { messageId: id }));
    expect([ban.status, ban.code]).toEqual([409, "conflict:author_gone"]);
    const deleted = await performAdminAction("report.delete_message", moderator, { messageId: id });
    expect(deleted.data?.reporterIds).toEqual([member.id]);
  });
});
