// Fault drill for the realtime server (issue 15, item 16): soketi stops while a member sends and comes back; a reader
// on the room's channel, kept complete by the browser's own engines (lib/chat/client: catch-up and the conversation
// store, fed by the real history query), ends with every message once, in order. The browser version of this drill is
// e2e/chat-catch-up.spec.ts; this file runs its own soketi, so stopping it leaves the other tests alone.
import { randomUUID } from "node:crypto";
import type PusherClient from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatchUp } from "@/lib/chat/client/catch-up";
import { createConversationStore } from "@/lib/chat/client/conversation-store";
import { initialConversation } from "@/lib/chat/client/message-store";
import { messageEventSchema } from "@/lib/chat/message-payload";
import { listHistory, sendMessage } from "@/lib/chat/messages";
import { disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { roomChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { ownSoketiForThisFile } from "@/tests/support/own-soketi";
import { person } from "../support/admin-fixtures";
import { waitFor } from "../support/wait-for";

const soketi = ownSoketiForThisFile();
let alice: SessionUser;
let reader: PusherClient | undefined;

beforeAll(async () => {
  alice = await person("MEMBER");
});
afterAll(async () => {
  reader?.disconnect();
  await disconnectDb();
});

describe("realtime stopped and restarted", () => {
  it("a reader catches up on what was sent meanwhile: no loss, no duplicates, in order", async () => {
    const room = await createRoom({ name: "Realtime drill", topicName: "Drills", description: "", hostId: alice.id });
    const send = async (body: string, { waitForTrigger = true } = {}) => {
      const result = await sendMessage({ actor: alice, slug: room.slug, input: { body, clientKey: randomUUID() } });
      // With the realtime server down the trigger fails after its timeout; the message is stored all the same.
      if (waitForTrigger) await result.delivered;
      return result.message.id;
    };
    const sent = [await send("before 1")];

    // The room page's wiring (components/chat/use-conversation.ts): load, merge events by id, and catch up each time
    // the subscription succeeds, after every reconnect too.
    const first = await listHistory({ slug: room.slug, query: {} });
    const store = createConversationStore(initialConversation(first.messages, first.hasMore));
    const sync = createCatchUp({
      store,
      readAt: Date.parse(first.at),
      fetchPage: (cursor, limit) =>
        listHistory({
          slug: room.slug,
          query: {
            limit: String(limit),
            before: "before" in cursor ? String(cursor.before) : undefined,
            after: "after" in cursor ? String(cursor.after) : undefined,
            changedSince: "changedSince" in cursor ? cursor.changedSince : undefined,
          },
        }),
    });
    const live = createRealtimeClient(publicRealtimeConfig());
    reader = live;
    let subscriptions = 0;
    const channel = live.subscribe(roomChannel(room.id));
    channel.bind("pusher:subscription_succeeded", () => {
      subscriptions++;
      void sync.run({ changes: true });
    });
    channel.bind("message:created", (data: unknown) => {
      const parsed = messageEventSchema.safeParse(data);
      if (parsed.success && "body" in parsed.data) store.dispatch({ type: "merge", entries: [parsed.data] });
    });
    const held = () => store.getState().entries.map((entry) => entry.id);
    await waitFor(() => subscriptions === 1, { what: "the first subscription" });

    sent.push(await send("before 2"));
    await waitFor(() => held().length === 2, { what: "a live message" });

    await soketi.stop();
    await waitFor(() => live.connection.state !== "connected", { what: "the reader to notice" });
    // Stored and confirmed while nobody hears about them.
    for (const body of ["during 1", "during 2", "during 3"]) sent.push(await send(body, { waitForTrigger: false }));
    expect(held()).toEqual(sent.slice(0, 2));

    await soketi.start();
    // The provider retries sooner than pusher-js would (components/realtime/realtime-provider.tsx).
    live.connect();
    await waitFor(() => subscriptions === 2, { what: "the subscription after the restart", timeoutMs: 45_000 });
    sent.push(await send("after 1"));
    await waitFor(() => held().length === sent.length, { what: "every message" });

    expect(held()).toEqual(sent);
    expect(store.getState().entries.map((entry) => ("body" in entry ? entry.body : null))).toEqual([
      "before 1",
      "before 2",
      "during 1",
      "during 2",
      "during 3",
      "after 1",
    ]);
  }, 60_000);
});
