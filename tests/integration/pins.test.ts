// Pins (lib/rooms/pins.ts, lib/db/pins.ts): the permission matrix of pinning and unpinning from the room page (visitor
// 401, member 403, the host, moderators and admins; staff in a room they do not host audited like their room edits),
// bad targets (another room's or an unknown message 404, a deleted one 409), the limit of 25 (the 26th refused, and
// concurrent pins at 24 end at 25), deleting a pinned message drops its pin, the public GET list, the live
// `pins:updated`, and the pinner's rate limit.
import type PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...(await import("../support/fuzz-scope")).nextCache,
}));
import { pinMessageAction, unpinMessageAction } from "@/app/(main)/rooms/[slug]/actions";
import { GET as getPins } from "@/app/api/rooms/[slug]/pins/route";
import { LIMITS } from "@/lib/auth/rate-limit";
import { deleteMessage, deleteMessagesOf } from "@/lib/chat/message-deletion";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { initialFormState, type FormState } from "@/lib/form-state";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { roomChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { pinsUpdatedSchema } from "@/lib/realtime/event-schemas";
import { listPins, pinMessageAs, unpinMessageAs } from "@/lib/rooms/pins";
import { PIN_LIMIT } from "@/lib/validation/pins";
import { auditSince, lastAuditId, refusal, resetLimit, roomCast } from "../support/admin-fixtures";
import { fuzzScope } from "../support/fuzz-scope";
import { sessionTokenFor } from "../support/session-token";
import { eventually } from "../support/wait-for";

let host: SessionUser;
let member: SessionUser;
let moderator: SessionUser;
let admin: SessionUser;

beforeAll(async () => ({ host, member, moderator, admin } = await roomCast()));
afterAll(() => disconnectDb());
// Each test starts with a full allowance; the limit has a test of its own.
beforeEach(() => resetLimit("messagePin"));

let rooms = 0;
async function newRoom() {
  const name = `Pins ${++rooms}`;
  const room = await createRoom({ name, topicName: "Testing", description: "", hostId: host.id });
  return { ...room, name };
}

async function post(roomId: string, body = "A message worth keeping", authorId = member.id) {
  return db.message.create({ data: { roomId, authorId, body }, select: { id: true } });
}

const pinnedIds = async (roomId: string) =>
  (await db.pin.findMany({ where: { roomId }, orderBy: { createdAt: "desc" } })).map((pin) => pin.messageId);

/** Runs the room page's action as `caller` (null: signed out). */
async function asCaller(
  action: typeof pinMessageAction,
  caller: SessionUser | null,
  fields: Record<string, string | number>,
): Promise<FormState> {
  fuzzScope.token = caller ? await sessionTokenFor(caller) : undefined;
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return action(initialFormState, data);
}

describe("the permission matrix of pin and unpin", () => {
  it("refuses visitors (401) and members who do not host the room (403), changing nothing", async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    for (const action of [pinMessageAction, unpinMessageAction]) {
      expect(await asCaller(action, null, { slug: room.slug, messageId: id })).toMatchObject({
        status: "error",
        message: "Please sign in.",
      });
      expect(await asCaller(action, member, { slug: room.slug, messageId: id })).toMatchObject({
        status: "error",
        message: "Only the room’s host and moderators can pin messages.",
      });
    }
    for (const call of [pinMessageAs, unpinMessageAs]) {
      const anonymous = await refusal(call(null, { slug: room.slug, messageId: id }));
      expect([anonymous.status, anonymous.code]).toEqual([401, "unauthorized"]);
      const refused = await refusal(call(member, { slug: room.slug, messageId: id }));
      expect([refused.status, refused.code]).toEqual([403, "forbidden:message"]);
    }
    expect(await pinnedIds(room.id)).toEqual([]);
  });

  it("lets the host pin and unpin unaudited; a moderator's and an admin's pins are audited like their room edits", async () => {
    const room = await newRoom();
    const [a, b] = [await post(room.id, "First **thing**"), await post(room.id, "Second thing")];
    const mark = await lastAuditId();
    expect(await asCaller(pinMessageAction, host, { slug: room.slug, messageId: a.id })).toEqual({
      status: "success",
      message: "Message pinned.",
    });
    // Idempotent: pinning a pinned message succeeds and changes nothing.
    expect(await asCaller(pinMessageAction, host, { slug: room.slug, messageId: a.id })).toEqual({
      status: "success",
      message: "This message was already pinned.",
    });
    expect(await auditSince(mark)).toEqual([]);

    expect(await asCaller(pinMessageAction, moderator, { slug: room.slug, messageId: b.id })).toMatchObject({
      status: "success",
    });
    expect(await pinnedIds(room.id)).toEqual([b.id, a.id]);
    expect(await asCaller(unpinMessageAction, admin, { slug: room.slug, messageId: a.id })).toEqual({
      status: "success",
      message: "Message unpinned.",
    });
    expect(await asCaller(unpinMessageAction, host, { slug: room.slug, messageId: b.id })).toMatchObject({
      status: "success",
    });
    expect(await pinnedIds(room.id)).toEqual([]);
    expect(await auditSince(mark)).toMatchObject([
      {
        actorId: moderator.id,
        action: "room.update",
        targetType: "room",
        targetId: room.id,
        targetLabel: room.name,
        detail: `pinned “Second thing” (#${b.id})`,
      },
      { actorId: admin.id, action: "room.update", targetId: room.id, detail: `unpinned “First **thing**” (#${a.id})` },
    ]);
  });
});

describe("what may be pinned", () => {
  it("answers 404 for another room's message or an unknown one, 409 for a deleted one, 400 for a bad id", async () => {
    const [room, elsewhere] = [await newRoom(), await newRoom()];
    const foreign = await post(elsewhere.id);
    const notFound = await refusal(pinMessageAs(host, { slug: room.slug, messageId: foreign.id }));
    expect([notFound.status, notFound.code]).toEqual([404, "not_found:message"]);
    const unknown = await refusal(pinMessageAs(host, { slug: room.slug, messageId: 2_147_483_000 }));
    expect([unknown.status, unknown.code]).toEqual([404, "not_found:message"]);
    const noRoom = await refusal(pinMessageAs(host, { slug: "no-such-room-here", messageId: foreign.id }));
    expect([noRoom.status, noRoom.code]).toEqual([404, "not_found:room"]);

    const gone = await post(room.id);
    await deleteMessage({ actor: member, messageId: gone.id, slug: room.slug });
    const deleted = await refusal(pinMessageAs(host, { slug: room.slug, messageId: gone.id }));
    expect([deleted.status, deleted.code, deleted.message]).toEqual([
      409,
      "conflict:message_deleted",
      "This message was deleted, so it cannot be pinned.",
    ]);
    expect(await asCaller(pinMessageAction, host, { slug: room.slug, messageId: "12abc" })).toMatchObject({
      status: "error",
    });
    expect(await pinnedIds(room.id)).toEqual([]);
    expect(await pinnedIds(elsewhere.id)).toEqual([]);
  });

  it("refuses the 26th pin with a message, and concurrent pins at 24 end at 25", async () => {
    const room = await newRoom();
    const messages: { id: number }[] = [];
    for (let i = 0; i < PIN_LIMIT + 4; i++) messages.push(await post(room.id, `Message ${i}`));
    await db.pin.createMany({ data: messages.slice(0, 24).map((m) => ({ roomId: room.id, messageId: m.id })) });
    const racers = [host, moderator, admin].map((who, i) =>
      pinMessageAs(who, { slug: room.slug, messageId: messages[24 + i]!.id }),
    );
    const outcomes = await Promise.allSettled(racers);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db.pin.count({ where: { roomId: room.id } })).toBe(PIN_LIMIT);

    expect(await asCaller(pinMessageAction, host, { slug: room.slug, messageId: messages[28]!.id })).toEqual({
      status: "error",
      message: "A room holds up to 25 pins. Unpin one first.",
    });
    const refused = await refusal(pinMessageAs(host, { slug: room.slug, messageId: messages[28]!.id }));
    expect([refused.status, refused.code]).toEqual([409, "conflict:pin_limit"]);
    // Unpinning one makes room again.
    await unpinMessageAs(host, { slug: room.slug, messageId: messages[0]!.id });
    expect(await pinMessageAs(host, { slug: room.slug, messageId: messages[28]!.id })).toEqual({ changed: true });
  });
});

describe("a pinned message deleted", () => {
  it("loses its pin, whether one message or a moderator's clean-up of a member's", async () => {
    const room = await newRoom();
    const [a, b] = [await post(room.id), await post(room.id)];
    await pinMessageAs(host, { slug: room.slug, messageId: a.id });
    await pinMessageAs(host, { slug: room.slug, messageId: b.id });
    await deleteMessage({ actor: host, messageId: a.id, slug: room.slug });
    expect(await pinnedIds(room.id)).toEqual([b.id]);
    await deleteMessagesOf({
      actor: moderator,
      userId: member.id,
      roomId: room.id,
      audit: (target, detail) => ({
        actorId: moderator.id,
        actorUsername: moderator.username,
        action: "message.delete_all",
        targetType: target.type,
        targetId: String(target.id),
        targetLabel: target.label,
        detail: detail ?? "",
      }),
    });
    expect(await pinnedIds(room.id)).toEqual([]);
    expect(await listPins({ slug: room.slug })).toEqual({ pins: [] });
  });
});

describe("GET /api/rooms/<slug>/pins", () => {
  const get = (slug: string) =>
    getPins(new Request(`http://localhost/api/rooms/${slug}/pins`) as never, { params: Promise.resolve({ slug }) });

  it("answers anyone with the pins newest first, and 404 for an unknown room", async () => {
    const room = await newRoom();
    const [a, b] = [await post(room.id, "Read the **guide** first"), await post(room.id, "Meeting at 5")];
    await pinMessageAs(host, { slug: room.slug, messageId: a.id });
    await pinMessageAs(moderator, { slug: room.slug, messageId: b.id });
    const response = await get(room.slug);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.pins).toMatchObject([
      { messageId: b.id, excerpt: "Meeting at 5", author: { name: member.name, username: member.username } },
      { messageId: a.id, excerpt: "Read the guide first" },
    ]);
    expect(typeof body.pins[0].createdAt).toBe("string");
    const missing = await get("no-such-room-at-all");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found:room");
  });
});

describe("live and limited", () => {
  const clients: PusherClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  it("tells every reader through pins:updated", async () => {
    const room = await newRoom();
    const { id } = await post(room.id, "Pin me");
    const reader = createRealtimeClient(publicRealtimeConfig());
    clients.push(reader);
    const channel = reader.subscribe(roomChannel(room.id));
    await new Promise<void>((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve()));
    const events: unknown[] = [];
    channel.bind("pins:updated", (data: unknown) => events.push(data));
    await pinMessageAs(host, { slug: room.slug, messageId: id });
    const [pinned] = await eventually(() => (events.length > 0 ? events : undefined));
    expect(pinsUpdatedSchema.parse(pinned)).toMatchObject({
      roomId: room.id,
      messageIds: [id],
      pinned: { messageId: id, excerpt: "Pin me" },
    });
    await unpinMessageAs(host, { slug: room.slug, messageId: id });
    const [, unpinned] = await eventually(() => (events.length > 1 ? events : undefined));
    expect(unpinned).toEqual({ roomId: room.id, messageIds: [] });
  });

  it(`allows ${LIMITS.messagePin.points} pins and unpins a minute per member, then 429`, async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    for (let i = 0; i < LIMITS.messagePin.points; i++) {
      await (i % 2 ? unpinMessageAs : pinMessageAs)(moderator, { slug: room.slug, messageId: id });
    }
    const refused = await refusal(pinMessageAs(moderator, { slug: room.slug, messageId: id }));
    expect([refused.status, refused.code]).toEqual([429, "rate_limited:messagePin"]);
    expect(refused.retryAfter).toBeGreaterThan(0);
  });
});
