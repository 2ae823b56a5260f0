import { describe, expect, it } from "vitest";
import {
  CATCH_UP_MAX_PAGES,
  CATCH_UP_PAGE,
  CHANGES_MARGIN_MS,
  createCatchUp,
  OLDER_PAGE,
} from "@/lib/chat/client/catch-up";
import { ChatApiError, type HistoryCursor } from "@/lib/chat/client/chat-api";
import { createConversationStore } from "@/lib/chat/client/conversation-store";
import { initialConversation } from "@/lib/chat/client/message-store";
import type { HistoryEntry, HistoryPage } from "@/lib/chat/message-payload";
import { message } from "../support/chat-messages";

const AT = "2026-11-21T12:00:00.000Z";

const page = (messages: HistoryEntry[], hasMore = false, at = AT): HistoryPage => ({ messages, hasMore, at });
const ids = (entries: HistoryEntry[]) => entries.map((e) => e.id);

/** A fake server: answers each request from `answer`, and records what was asked. */
function setup(entries: HistoryEntry[], answer: (cursor: HistoryCursor, limit: number) => HistoryPage | Error) {
  const store = createConversationStore(initialConversation(entries, true));
  const asked: { cursor: HistoryCursor; limit: number }[] = [];
  const errors: unknown[] = [];
  const sync = createCatchUp({
    fetchPage: async (cursor, limit) => {
      asked.push({ cursor, limit });
      const result = answer(cursor, limit);
      if (result instanceof Error) throw result;
      return result;
    },
    store,
    readAt: Date.parse(AT),
  });
  sync.onError((error) => errors.push(error));
  return { store, sync, asked, errors };
}

describe("createCatchUp: run", () => {
  it("fetches every page after the newest id held and merges them", async () => {
    const { store, sync, asked } = setup([message(1), message(2)], (cursor) =>
      "after" in cursor && cursor.after === 2 ? page([message(3), message(4)], true) : page([message(5)]),
    );
    await sync.run();
    expect(asked).toEqual([
      { cursor: { after: 2, changedSince: undefined }, limit: CATCH_UP_PAGE },
      { cursor: { after: 4, changedSince: undefined }, limit: CATCH_UP_PAGE },
    ]);
    expect(ids(store.getState().entries)).toEqual([1, 2, 3, 4, 5]);
  });

  it("loads the latest page when nothing is held yet", async () => {
    const { store, sync, asked } = setup([], () => page([message(7), message(8)], true));
    await sync.run();
    expect(asked).toEqual([{ cursor: {}, limit: OLDER_PAGE }]);
    expect(ids(store.getState().entries)).toEqual([7, 8]);
    expect(store.getState().hasOlder).toBe(true);
  });

  it("with changes, also asks for what changed since the last check, less the margin, and moves the mark", async () => {
    const later = "2026-11-21T12:05:00.000Z";
    const { store, sync, asked } = setup([message(1), message(2)], (cursor) =>
      "changedSince" in cursor && cursor.changedSince
        ? page([message(1, { body: "edited", editedAt: later }), { id: 2, deleted: true }], false, later)
        : page([]),
    );
    await sync.run({ changes: true });
    expect(asked[1]).toEqual({
      cursor: { after: 0, changedSince: new Date(Date.parse(AT) - CHANGES_MARGIN_MS).toISOString() },
      limit: CATCH_UP_PAGE,
    });
    expect(store.getState().entries).toEqual([
      message(1, { body: "edited", editedAt: later }),
      { id: 2, deleted: true },
    ]);
    await sync.run({ changes: true });
    expect(asked[3]?.cursor).toEqual({
      after: 0,
      changedSince: new Date(Date.parse(later) - CHANGES_MARGIN_MS).toISOString(),
    });
  });

  it("keeps the mark when a check for changes stops at the page cap", async () => {
    let n = 100;
    const { sync, asked } = setup([message(1)], (cursor) =>
      "changedSince" in cursor && cursor.changedSince
        ? page([message(++n)], true, "2026-11-21T13:00:00.000Z")
        : page([]),
    );
    await sync.run({ changes: true });
    expect(asked).toHaveLength(1 + CATCH_UP_MAX_PAGES);
    await sync.run({ changes: true });
    const since = asked.filter((a) => "changedSince" in a.cursor && a.cursor.changedSince).map((a) => a.cursor);
    expect(since.at(-1)).toMatchObject({ changedSince: new Date(Date.parse(AT) - CHANGES_MARGIN_MS).toISOString() });
  });

  it("runs one at a time: asked again while running, it goes round once more", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const store = createConversationStore(initialConversation([message(1)], false));
    const sync = createCatchUp({
      fetchPage: async () => {
        calls++;
        if (calls === 1) await gate;
        return page(calls === 1 ? [message(2)] : []);
      },
      store,
      readAt: 0,
    });
    const first = sync.run();
    const second = sync.run();
    const third = sync.run();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    await first;
    expect(calls).toBe(2);
    expect(ids(store.getState().entries)).toEqual([1, 2]);
  });

  it("reports a failed run and lets the next one start afresh", async () => {
    const gone = new ChatApiError(404, "not_found:room", "This room no longer exists.");
    let fail = true;
    const { store, sync, errors } = setup([message(1)], () => (fail ? gone : page([message(2)])));
    await sync.run();
    expect(errors).toEqual([gone]);
    fail = false;
    await sync.run();
    expect(ids(store.getState().entries)).toEqual([1, 2]);
  });
});

describe("createCatchUp: loadOne and loadOlder", () => {
  it("loads one message by id (an event too large to carry it)", async () => {
    const { store, sync, asked } = setup([message(1)], () => page([message(4), message(5)]));
    await sync.loadOne(5);
    expect(asked).toEqual([{ cursor: { before: 6 }, limit: 1 }]);
    expect(ids(store.getState().entries)).toEqual([1, 5]);
  });

  it("loads the page before the oldest held, once at a time, and not when there is none", async () => {
    const { store, sync, asked } = setup([message(10)], () => page([message(8), message(9)], false));
    const loading = sync.loadOlder();
    expect(loading).not.toBeNull();
    expect(sync.loadOlder()).toBeNull();
    await loading;
    expect(asked).toEqual([{ cursor: { before: 10 }, limit: OLDER_PAGE }]);
    expect(ids(store.getState().entries)).toEqual([8, 9, 10]);
    expect(store.getState().hasOlder).toBe(false);
    expect(sync.loadOlder()).toBeNull();
  });

  it("rejects a failed older page and allows the next try", async () => {
    const down = new ChatApiError(0, "network", "Could not reach Roomful.");
    const { sync } = setup([message(10)], () => down);
    await expect(sync.loadOlder()).rejects.toBe(down);
    await expect(sync.loadOlder()).rejects.toBe(down);
  });
});
