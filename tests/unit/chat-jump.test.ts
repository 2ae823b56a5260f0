// Jumping to a message in the browser's engines: the conversation state holding a window of older history (live
// messages counted, not appended below the gap; edits and deletions inside it applied; stale pages dropped), the
// catch-up engine's window paging (around, after to the live end, back to the latest), and the message link.
import { describe, expect, it } from "vitest";
import { createCatchUp, OLDER_PAGE } from "@/lib/chat/client/catch-up";
import type { HistoryCursor } from "@/lib/chat/client/chat-api";
import { createConversationStore } from "@/lib/chat/client/conversation-store";
import { messageHref, withJumpParam } from "@/lib/chat/client/jump";
import {
  conversationReducer,
  initialConversation,
  withinHeld,
  type ConversationState,
} from "@/lib/chat/client/message-store";
import type { HistoryEntry, HistoryPage } from "@/lib/chat/message-payload";
import { message } from "../support/chat-messages";

const AT = "2026-11-21T12:00:00.000Z";
const ids = (entries: HistoryEntry[]) => entries.map((e) => e.id);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => message(from + i));

/** Messages 10–12 of a room whose newest is far later: a window after a jump. */
const windowed = (): ConversationState => initialConversation(range(10, 12), true, true);

describe("the conversation state while a window is held", () => {
  it("counts new live messages instead of showing them below the gap, once each", () => {
    let state = conversationReducer(windowed(), { type: "created", id: 90, message: message(90) });
    state = conversationReducer(state, { type: "created", id: 91, message: null });
    expect(ids(state.entries)).toEqual([10, 11, 12]);
    expect(state.newerArrived).toBe(2);
  });

  it("applies edits and deletions of held messages, and drops those of messages beyond either edge", () => {
    let state = conversationReducer(windowed(), {
      type: "merge",
      entries: [message(11, { body: "edited", editedAt: AT }), message(40, { editedAt: AT }), message(3)],
    });
    expect(ids(state.entries)).toEqual([10, 11, 12]);
    expect(state.entries[1]).toMatchObject({ body: "edited" });
    state = conversationReducer(state, { type: "deleted", id: 12 });
    state = conversationReducer(state, { type: "deleted", id: 50 });
    expect(state.entries.map((e) => ("deleted" in e ? `${e.id}x` : e.id))).toEqual([10, 11, "12x"]);
  });

  it("keeps the live end open: without hasNewer a new message is appended", () => {
    const live = initialConversation(range(10, 12), true, false);
    const state = conversationReducer(live, { type: "created", id: 13, message: message(13) });
    expect(ids(state.entries)).toEqual([10, 11, 12, 13]);
    expect(state.newerArrived).toBe(0);
  });

  it("withinHeld keeps only what falls in the span held, per edge that has more behind it", () => {
    const incoming = [message(5), message(11), message(20)];
    expect(ids(withinHeld(windowed(), incoming))).toEqual([11]);
    expect(ids(withinHeld(initialConversation(range(10, 12), false, true), incoming))).toEqual([5, 11]);
    expect(ids(withinHeld(initialConversation(range(10, 12), true, false), incoming))).toEqual([11, 20]);
    expect(ids(withinHeld(initialConversation([], true, true), incoming))).toEqual([5, 11, 20]);
  });

  it("pages newer in below, and joins the live end when the last page says so", () => {
    let state = conversationReducer(windowed(), { type: "created", id: 90, message: message(90) });
    state = conversationReducer(state, { type: "newer", entries: range(13, 14), hasNewer: true });
    expect(ids(state.entries)).toEqual([10, 11, 12, 13, 14]);
    expect(state).toMatchObject({ hasNewer: true, newerArrived: 1 });
    state = conversationReducer(state, { type: "newer", entries: range(15, 16), hasNewer: false });
    expect(state).toMatchObject({ hasNewer: false, newerArrived: 0 });
    state = conversationReducer(state, { type: "created", id: 17, message: message(17) });
    expect(ids(state.entries).at(-1)).toBe(17);
  });

  it("replaces everything on a jump and drops pages asked for before it", () => {
    const before = windowed();
    const jumped = conversationReducer(before, {
      type: "replace",
      entries: range(60, 62),
      hasOlder: true,
      hasNewer: false,
    });
    expect(ids(jumped.entries)).toEqual([60, 61, 62]);
    expect(jumped).toMatchObject({ hasOlder: true, hasNewer: false, epoch: before.epoch + 1 });
    // A page of the old window landing late changes nothing.
    const stale = { entries: range(7, 9), epoch: before.epoch };
    expect(conversationReducer(jumped, { type: "older", hasOlder: false, ...stale })).toBe(jumped);
    expect(conversationReducer(jumped, { type: "newer", hasNewer: true, ...stale })).toBe(jumped);
  });

  it("leaves a confirmed send past the window to the live end's page: the bubble goes, nothing below the gap", () => {
    let state = conversationReducer(windowed(), {
      type: "queued",
      pending: { clientKey: "k", body: "hi", createdAt: AT, status: "sending" },
    });
    state = conversationReducer(state, { type: "confirmed", clientKey: "k", message: message(95) });
    expect(state.pending).toEqual([]);
    expect(ids(state.entries)).toEqual([10, 11, 12]);
  });
});

/** A room of messages 1–`newest`; the fake server answers like the API (hasOlder/hasNewer included). */
function server(newest: number) {
  const asked: HistoryCursor[] = [];
  const fetchPage = async (cursor: HistoryCursor, limit: number): Promise<HistoryPage> => {
    asked.push(cursor);
    const all = range(1, newest);
    const page = (from: number, to: number): HistoryEntry[] => all.filter((m) => m.id >= from && m.id <= to);
    if ("around" in cursor) {
      const older = Math.floor((limit - 1) / 2);
      const messages = page(cursor.around - older, cursor.around + (limit - older) - 1);
      const hasOlder = (messages[0]?.id ?? 1) > 1;
      return { messages, hasMore: hasOlder, hasOlder, hasNewer: (messages.at(-1)?.id ?? 0) < newest, at: AT };
    }
    if ("after" in cursor) {
      const messages = page(cursor.after + 1, cursor.after + limit);
      const hasNewer = (messages.at(-1)?.id ?? newest) < newest;
      return { messages, hasMore: hasNewer, hasNewer, at: AT };
    }
    const to = "before" in cursor ? cursor.before - 1 : newest;
    const messages = page(to - limit + 1, to);
    const hasOlder = (messages[0]?.id ?? 1) > 1;
    return { messages, hasMore: hasOlder, hasOlder, at: AT };
  };
  return { asked, fetchPage };
}

function engine(newest: number, start: ConversationState) {
  const { asked, fetchPage } = server(newest);
  const store = createConversationStore(start);
  const sync = createCatchUp({ fetchPage, store, readAt: Date.parse(AT) });
  return { asked, store, sync };
}

describe("createCatchUp around a window", () => {
  it("loadAround replaces the list with the window around the message", async () => {
    const { store, sync, asked } = engine(500, initialConversation(range(451, 500), true));
    await sync.loadAround(100);
    expect(asked[0]).toEqual({ around: 100 });
    expect(ids(store.getState().entries)).toEqual(range(100 - 24, 100 + 25).map((m) => m.id));
    expect(store.getState()).toMatchObject({ hasOlder: true, hasNewer: true });
  });

  it("a run below a window catches nothing up after it (paging down does)", async () => {
    const { store, sync, asked } = engine(500, initialConversation(range(76, 125), true, true));
    await sync.run();
    expect(asked).toEqual([]);
    expect(ids(store.getState().entries).at(-1)).toBe(125);
  });

  it("loadNewer pages down 500 messages to the live end without gaps or duplicates, then catches up once", async () => {
    const { store, sync, asked } = engine(600, initialConversation(range(76, 125), true, true));
    let pages = 0;
    while (store.getState().hasNewer) {
      const loading = sync.loadNewer();
      expect(loading).not.toBeNull();
      // One at a time.
      expect(sync.loadNewer()).toBeNull();
      await loading;
      pages++;
    }
    await Promise.resolve();
    const held = ids(store.getState().entries);
    expect(held).toEqual(range(76, 600).map((m) => m.id));
    expect(pages).toBe(Math.ceil(475 / OLDER_PAGE));
    expect(sync.loadNewer()).toBeNull();
    // The catch-up after reaching the end asks for what came after the newest.
    expect(asked.at(-1)).toEqual({ after: 600, changedSince: undefined });
  });

  it("loadLatest goes back to the live end", async () => {
    const { store, sync } = engine(600, initialConversation(range(76, 125), true, true));
    await sync.loadLatest();
    expect(ids(store.getState().entries)).toEqual(range(551, 600).map((m) => m.id));
    expect(store.getState()).toMatchObject({ hasOlder: true, hasNewer: false });
  });

  it("drops an older page that lands after a jump", async () => {
    const { store, sync } = engine(600, initialConversation(range(76, 125), true, true));
    const older = sync.loadOlder();
    await sync.loadLatest();
    await older;
    expect(ids(store.getState().entries)).toEqual(range(551, 600).map((m) => m.id));
  });
});

describe("message links", () => {
  it("builds /rooms/<slug>?m=<id> and sets or drops m in an address, keeping the rest", () => {
    expect(messageHref("calculus-study", 42)).toBe("/rooms/calculus-study?m=42");
    expect(withJumpParam("http://localhost/rooms/a?x=1#message-3", 9)).toBe(
      "http://localhost/rooms/a?x=1&m=9#message-3",
    );
    expect(withJumpParam("http://localhost/rooms/a?m=9&x=1", 10)).toBe("http://localhost/rooms/a?m=10&x=1");
    expect(withJumpParam("http://localhost/rooms/a?m=9", null)).toBe("http://localhost/rooms/a");
  });
});
