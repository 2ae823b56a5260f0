// Mentions and the notifications inbox (issue 17 items 1–2, the server side): the send statement stores which
// @usernames name active members (only those render as links) and gives each an inbox entry, the author of a replied
// message a reply entry (not also a mention), never the sender, and a retry nobody anything new; an edit notifies only
// the newly mentioned; the bell hears of it live on the member's private channel; the inbox pages newest first, says
// when a message was deleted, and marks only the caller's own entries read.
import { randomUUID } from "node:crypto";
import type PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { authorizeChannel } from "@/lib/chat/channel-auth";
import { deleteRoomMessage, editMessage, sendMessage } from "@/lib/chat/messages";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { markRead, readInbox } from "@/lib/notifications/inbox";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { userChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { INBOX_PAGE_SIZE } from "@/lib/validation/notifications";
import { person, refusal, resetLimit } from "../support/admin-fixtures";
import { waitFor } from "../support/wait-for";

let ada: SessionUser;
let bea: SessionUser;
let cyd: SessionUser;
let slug: string;

beforeAll(async () => {
  [ada, bea, cyd] = await Promise.all([
    person("MEMBER", { name: "Ada Author" }),
    person("MEMBER", { name: "Bea Mentioned" }),
    person("MEMBER", { name: "Cyd Third" }),
  ]);
  ({ slug } = await createRoom({ name: "Mentions", topicName: "Testing", description: "", hostId: ada.id }));
});
afterAll(() => disconnectDb());

// The tests send more than a member may in ten seconds; the limits have tests of their own.
async function send(actor: SessionUser, body: string, extra: Record<string, unknown> = {}) {
  await resetLimit("messagePost");
  await resetLimit("messagePostMember");
  return sendMessage({ actor, slug, input: { body, clientKey: randomUUID(), ...extra } });
}

const entriesOf = (userId: string) =>
  db.notification.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { kind: true, messageId: true } });

describe("mentions in a sent message", () => {
  it("links and notifies members who exist; other @words stay plain text and notify no one", async () => {
    const sent = await send(ada, `hi @${bea.username.toUpperCase()} and @nobody_here_${Date.now() % 1000}`);
    expect(sent.message.html).toContain(`<a href="/u/${bea.username}" class="mention">`);
    expect(sent.message.html).toContain("@nobody_here_");
    expect(sent.message.html.match(/class="mention"/g)).toHaveLength(1);
    const stored = await db.message.findUniqueOrThrow({ where: { id: sent.message.id } });
    expect(stored.mentions).toEqual([bea.username]);
    expect(await entriesOf(bea.id)).toContainEqual({ kind: "MENTION", messageId: sent.message.id });
  });

  it("never notifies the sender, a deactivated member, or anyone twice for a retry", async () => {
    const gone = await person("MEMBER");
    await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const clientKey = randomUUID();
    const body = `@${ada.username} @${gone.username} @${cyd.username} @${cyd.username}`;
    const first = await sendMessage({ actor: ada, slug, input: { body, clientKey } });
    const retry = await sendMessage({ actor: ada, slug, input: { body, clientKey } });
    expect(retry.created).toBe(false);
    const rows = await db.notification.findMany({ where: { messageId: first.message.id } });
    expect(rows.map((r) => [r.userId, r.kind, r.actorId])).toEqual([[cyd.id, "MENTION", ada.id]]);
    expect(first.message.html).not.toContain(`/u/${gone.username}`);
  });

  it("gives the author of the original one reply entry, even when also mentioned", async () => {
    const original = await send(bea, "a question");
    const reply = await send(cyd, `@${bea.username} here is the answer, cc @${ada.username}`, {
      replyTo: original.message.id,
    });
    const rows = await db.notification.findMany({ where: { messageId: reply.message.id }, orderBy: { userId: "asc" } });
    expect(rows.map((r) => [r.userId, r.kind]).sort()).toEqual(
      [
        [bea.id, "REPLY"],
        [ada.id, "MENTION"],
      ].sort(),
    );
    // Replying to yourself notifies no one.
    const own = await send(bea, "and a follow-up", { replyTo: original.message.id });
    expect(await db.notification.count({ where: { messageId: own.message.id } })).toBe(0);
  });

  it("stores twenty mentions and twenty entries in the send's one statement", async () => {
    const crowd = await Promise.all(Array.from({ length: 20 }, () => person("MEMBER")));
    const sent = await send(ada, crowd.map((p) => `@${p.username}`).join(" "));
    expect(await db.notification.count({ where: { messageId: sent.message.id, kind: "MENTION" } })).toBe(20);
    expect(sent.message.html.match(/class="mention"/g)).toHaveLength(20);
  });
});

describe("an edit", () => {
  it("notifies only the newly mentioned, and links what the new text mentions", async () => {
    const sent = await send(ada, `ping @${bea.username}`);
    const edited = await editMessage({
      actor: ada,
      slug,
      messageId: sent.message.id,
      input: { body: `ping @${bea.username} and @${cyd.username}` },
    });
    expect(edited.html.match(/class="mention"/g)).toHaveLength(2);
    const rows = await db.notification.findMany({ where: { messageId: sent.message.id } });
    expect(rows.map((r) => r.userId).sort()).toEqual([bea.id, cyd.id].sort());
    const dropped = await editMessage({ actor: ada, slug, messageId: sent.message.id, input: { body: "ping nobody" } });
    expect(dropped.html).not.toContain("mention");
    expect((await db.message.findUniqueOrThrow({ where: { id: sent.message.id } })).mentions).toEqual([]);
  });
});

describe("the bell, live", () => {
  const clients: PusherClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  it("tells the mentioned member's private channel, and nobody else's", async () => {
    const heard: Record<string, unknown[]> = { bea: [], cyd: [] };
    for (const [name, member] of [
      ["bea", bea],
      ["cyd", cyd],
    ] as const) {
      const client = createRealtimeClient(publicRealtimeConfig(), async ({ socketId, channelName }) =>
        authorizeChannel({ actor: member, input: { socket_id: socketId, channel_name: channelName } }),
      );
      clients.push(client);
      const channel = client.subscribe(userChannel(member.id));
      await new Promise<void>((resolve, reject) => {
        channel.bind("pusher:subscription_succeeded", () => resolve());
        channel.bind("pusher:subscription_error", (e: unknown) => reject(new Error(JSON.stringify(e))));
      });
      channel.bind("notification:created", (data: unknown) => heard[name]?.push(data));
    }
    const sent = await send(ada, `@${bea.username} look`);
    await waitFor(() => heard.bea?.length === 1, { what: "Bea's notification" });
    expect(heard.bea).toEqual([{ kind: "mention", messageId: sent.message.id }]);
    // A later event for Bea arrives after anything the first trigger sent Cyd.
    await send(ada, `@${bea.username} again`);
    await waitFor(() => heard.bea?.length === 2, { what: "Bea's second notification" });
    expect(heard.cyd).toEqual([]);
  });
});

describe("the inbox", () => {
  it("pages newest first, links to the message in its room, and says when it was deleted", async () => {
    const reader = await person("MEMBER");
    const ids: number[] = [];
    for (let i = 0; i < INBOX_PAGE_SIZE + 2; i++)
      ids.push((await send(ada, `#${i} for @${reader.username}`)).message.id);
    const first = await readInbox({ reader, query: {} });
    expect(first.unread).toBe(INBOX_PAGE_SIZE + 2);
    expect(first.entries).toHaveLength(INBOX_PAGE_SIZE);
    expect(first.hasOlder).toBe(true);
    expect(first.entries[0]).toMatchObject({
      kind: "mention",
      read: false,
      actor: { name: "Ada Author", username: ada.username },
      message: { id: ids.at(-1), deleted: false, room: { slug, name: "Mentions" } },
      href: `/rooms/${slug}?m=${ids.at(-1)}`,
    });
    const older = await readInbox({ reader, query: { before: String(first.entries.at(-1)?.id) } });
    expect(older.entries.map((e) => e.message.id)).toEqual([ids[1], ids[0]]);
    expect(older.hasOlder).toBe(false);

    await deleteRoomMessage({ actor: ada, slug, messageId: ids[0] });
    const after = await readInbox({ reader, query: { before: String(first.entries.at(-1)?.id) } });
    expect(after.entries.at(-1)?.message).toMatchObject({ deleted: true, excerpt: "" });
  });

  it("marks one, then all up to the newest seen, read; never another member's entries", async () => {
    const reader = await person("MEMBER");
    const other = await person("MEMBER");
    await send(ada, `@${reader.username} @${other.username} one`);
    await send(ada, `@${reader.username} @${other.username} two`);
    const page = await readInbox({ reader, query: {} });
    const theirs = await readInbox({ reader: other, query: {} });
    const [newest, oldest] = page.entries;
    if (!newest || !oldest) throw new Error("expected two entries");

    expect(await markRead({ reader, input: { ids: [oldest.id, ...theirs.entries.map((e) => e.id)] } })).toEqual({
      unread: 1,
    });
    expect((await readInbox({ reader: other, query: {} })).unread).toBe(2);

    // One arriving after the page was read stays unread.
    await send(ada, `@${reader.username} three`);
    expect(await markRead({ reader, input: { all: true, upTo: newest.id } })).toEqual({ unread: 1 });
    expect(await markRead({ reader, input: { all: true } })).toEqual({ unread: 0 });
  });

  it("refuses visitors, deactivated members and bad input with a 4xx that says why", async () => {
    expect((await refusal(readInbox({ reader: null, query: {} }))).status).toBe(401);
    const gone = { ...(await person("MEMBER")), deactivated: true };
    expect((await refusal(readInbox({ reader: gone, query: {} }))).status).toBe(403);
    const reader = await person("MEMBER");
    for (const query of [{ before: "abc" }, { before: "-1" }, { before: "99999999999" }]) {
      expect((await refusal(readInbox({ reader, query }))).status).toBe(400);
    }
    for (const input of [{}, { ids: [] }, { ids: ["x"] }, { all: false }, { ids: Array(101).fill(1) }, "all"]) {
      const error = await refusal(markRead({ reader, input }));
      expect(error.status).toBe(400);
      expect(error.message.length).toBeGreaterThan(5);
    }
  });
});
