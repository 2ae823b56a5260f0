// Keeping a room's conversation complete: subscribe first, then load, then merge by id (never by time). With
// `changes` (each subscription, and now and then while polling) it also refetches held messages edited or deleted
// since the last check: their events may have been lost, and ids do not move when messages change. No React, so
// tests drive it with a fake fetch and store. After a jump it holds a window (hasNewer): catch-up then leaves the
// messages after it to paging down (loadNewer), which joins the live end by itself.
import type { HistoryPage } from "../message-payload";
import type { HistoryCursor } from "./chat-api";
import type { ConversationStore } from "./conversation-store";
import { firstIdOf, lastIdOf } from "./message-store";

export const CATCH_UP_PAGE = 100;
export const OLDER_PAGE = 50;
/** A run stops after this many pages; the next subscription or poll carries on. */
export const CATCH_UP_MAX_PAGES = 50;
/**
 * Overlap with the last changes check, to catch changes committed after their stamp or from a server whose clock lags;
 * seeing one twice is harmless (merging is by id and edit time).
 */
export const CHANGES_MARGIN_MS = 60_000;

export interface CatchUpDeps {
  fetchPage: (cursor: HistoryCursor, limit: number) => Promise<HistoryPage>;
  store: Pick<ConversationStore, "getState" | "dispatch">;
  /** When the server read the messages the page started with (its clock, ms). */
  readAt: number;
}

export interface CatchUp {
  /** Fetches what came after the newest id held (and with `changes`, what changed). */
  run(options?: { changes?: boolean }): Promise<void>;
  /** A message whose event was too large to carry it: loads it by id. */
  loadOne(id: number): Promise<void>;
  /** The page before the oldest held; null when there is none or one is on its way. Rejects on error. */
  loadOlder(): Promise<void> | null;
  /**
   * Below a window (after a jump): the page after the newest held; null when none or one is on its way. Reaching the
   * live end catches up once more, for messages announced while that page was read. Rejects on error.
   */
  loadNewer(): Promise<void> | null;
  /** Replaces what is held with the window around message `id` (rejects with the API's 404 for another room's id). */
  loadAround(id: number): Promise<void>;
  /** Replaces what is held with the latest page and catches up: live mode again. */
  loadLatest(): Promise<void>;
  /** Hears why a run or a single load failed (the next subscription or poll tries again). */
  onError(listener: (error: unknown) => void): () => void;
}

export function createCatchUp({ fetchPage, store, readAt }: CatchUpDeps): CatchUp {
  const errorListeners = new Set<(error: unknown) => void>();
  const report = (error: unknown) => errorListeners.forEach((listener) => listener(error));
  let running: Promise<void> | null = null;
  let again = false;
  let checkChanges = false;
  let changesCheckedAt = readAt;
  let loadingOlder = false;
  let loadingNewer = false;

  /** Merges every page after `after` (with `changedSince`, only the changed messages), up to the
   * cap. The first page's read time when it got to the end; null at the cap. */
  async function mergePagesAfter(after: number, changedSince?: string): Promise<number | null> {
    let firstReadAt: number | null = null;
    for (let pages = 0; pages < CATCH_UP_MAX_PAGES; pages++) {
      const page = await fetchPage({ after, changedSince }, CATCH_UP_PAGE);
      firstReadAt ??= Date.parse(page.at);
      store.dispatch({ type: "merge", entries: page.messages });
      after = page.messages.at(-1)?.id ?? after;
      if (!page.hasMore) return firstReadAt;
    }
    return null;
  }

  async function rounds() {
    do {
      again = false;
      const held = store.getState();
      const last = lastIdOf(held);
      // Below a window of older history nothing is caught up: paging down brings it (loadNewer).
      if (last === null && !held.hasNewer) {
        // Nothing held yet (an empty room when the page was made): the latest page.
        const page = await fetchPage({}, OLDER_PAGE);
        store.dispatch({ type: "older", entries: page.messages, hasOlder: page.hasMore });
      } else if (last !== null && !held.hasNewer) {
        await mergePagesAfter(last);
      }
      const first = firstIdOf(store.getState());
      if (checkChanges && first !== null) {
        checkChanges = false;
        const changedSince = new Date(changesCheckedAt - CHANGES_MARGIN_MS).toISOString();
        // Only a complete check moves the mark; otherwise the next one starts from the same.
        changesCheckedAt = (await mergePagesAfter(first - 1, changedSince)) ?? changesCheckedAt;
      }
    } while (again);
  }

  const api: CatchUp = {
    run({ changes = false } = {}) {
      if (changes) checkChanges = true;
      if (running) {
        again = true;
        return running;
      }
      running = rounds()
        .catch(report)
        .finally(() => {
          running = null;
        });
      return running;
    },

    async loadOne(id) {
      try {
        const page = await fetchPage({ before: id + 1 }, 1);
        store.dispatch({ type: "merge", entries: page.messages.filter((m) => m.id === id) });
      } catch (error) {
        report(error);
      }
    },

    loadOlder() {
      const state = store.getState();
      const before = firstIdOf(state);
      if (loadingOlder || !state.hasOlder || before === null) return null;
      loadingOlder = true;
      const { epoch } = state;
      return fetchPage({ before }, OLDER_PAGE)
        .then((page) => store.dispatch({ type: "older", entries: page.messages, hasOlder: page.hasMore, epoch }))
        .finally(() => {
          loadingOlder = false;
        });
    },

    loadNewer() {
      const state = store.getState();
      const after = lastIdOf(state);
      if (loadingNewer || !state.hasNewer || after === null) return null;
      loadingNewer = true;
      const { epoch } = state;
      return fetchPage({ after }, OLDER_PAGE)
        .then((page) => {
          const hasNewer = page.hasNewer ?? page.hasMore;
          store.dispatch({ type: "newer", entries: page.messages, hasNewer, epoch });
          if (!hasNewer && store.getState().epoch === epoch) void api.run();
        })
        .finally(() => {
          loadingNewer = false;
        });
    },

    async loadAround(id) {
      const page = await fetchPage({ around: id }, OLDER_PAGE);
      const hasOlder = page.hasOlder ?? page.hasMore;
      const hasNewer = page.hasNewer ?? false;
      store.dispatch({ type: "replace", entries: page.messages, hasOlder, hasNewer });
      if (!hasNewer) void api.run();
    },

    async loadLatest() {
      const page = await fetchPage({}, OLDER_PAGE);
      store.dispatch({ type: "replace", entries: page.messages, hasOlder: page.hasMore, hasNewer: false });
      void api.run();
    },

    onError(listener) {
      errorListeners.add(listener);
      return () => {
        errorListeners.delete(listener);
      };
    },
  };
  return api;
}
