// The room page's conversation state, as a pure reducer: every message the page holds, merged by
// id from wherever it came (server render, history pages, catch-up, live events, send replies),
// plus the viewer's own messages still on their way. Ids increase with every insert, so sorting
// by id is the room's order; duplicates collapse into one entry.
import { isTombstone, type ChatMessage, type HistoryEntry } from "../message-payload";

/** Why a send did not go through; decides what the bubble offers. */
export interface SendFailure {
  /** network: never reached the server (retried by itself on reconnect); rate_limited: 429;
   * rejected: any other refusal. */
  kind: "network" | "rate_limited" | "rejected";
  message: string;
}

/** One of the viewer's messages that the server has not confirmed yet. */
export interface PendingMessage {
  /** The idempotency key: a retry sends the same one, so it is never stored twice. */
  clientKey: string;
  body: string;
  /** ISO 8601, when it was written (for grouping and the day separator). */
  createdAt: string;
  status: "sending" | "failed";
  failure?: SendFailure;
}

export interface ConversationState {
  /** Ascending by id, one entry per id; deleted messages stay as tombstones so their ids count. */
  entries: HistoryEntry[];
  /** Older messages exist before the first entry. */
  hasOlder: boolean;
  /** In the order they were written; shown after every stored message. */
  pending: PendingMessage[];
}

export type ConversationAction =
  | { type: "merge"; entries: HistoryEntry[] }
  | { type: "older"; entries: HistoryEntry[]; hasOlder: boolean }
  | { type: "deleted"; id: number }
  | { type: "queued"; pending: PendingMessage }
  | { type: "sending"; clientKey: string }
  | { type: "confirmed"; clientKey: string; message: ChatMessage }
  | { type: "failed"; clientKey: string; failure: SendFailure }
  | { type: "discarded"; clientKey: string };

const editedTime = (message: ChatMessage) => (message.editedAt ? Date.parse(message.editedAt) : 0);

/**
 * Which of two copies of one message wins: a deletion is final, and a copy never replaces one
 * that was edited later (a late, older event must not undo an edit).
 */
export function newerEntry(existing: HistoryEntry, incoming: HistoryEntry): HistoryEntry {
  if (isTombstone(existing)) return existing;
  if (isTombstone(incoming)) return incoming;
  return editedTime(incoming) >= editedTime(existing) ? incoming : existing;
}

function sameEntry(a: HistoryEntry, b: HistoryEntry): boolean {
  if (a === b) return true;
  if (isTombstone(a) || isTombstone(b)) return isTombstone(a) && isTombstone(b);
  return (
    a.editedAt === b.editedAt &&
    a.html === b.html &&
    a.body === b.body &&
    a.author?.avatarUrl === b.author?.avatarUrl &&
    a.author?.name === b.author?.name
  );
}

/**
 * `entries` with `incoming` merged in by id, ascending. Returns `entries` itself when nothing
 * changed, so a duplicate (an event for a message already held) does not re-render anything.
 */
export function mergeEntries(entries: HistoryEntry[], incoming: HistoryEntry[]): HistoryEntry[] {
  if (incoming.length === 0) return entries;
  const lastId = entries.at(-1)?.id ?? 0;
  // The common live case: one or more new messages after everything held.
  if (incoming.every((entry, i) => entry.id > lastId && (i === 0 || entry.id > (incoming[i - 1]?.id ?? 0)))) {
    return [...entries, ...incoming];
  }
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  let changed = false;
  for (const entry of incoming) {
    const existing = byId.get(entry.id);
    const next = existing ? newerEntry(existing, entry) : entry;
    if (!existing || !sameEntry(existing, next)) {
      byId.set(entry.id, next);
      changed = true;
    }
  }
  if (!changed) return entries;
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export function initialConversation(entries: HistoryEntry[], hasOlder: boolean): ConversationState {
  return { entries: mergeEntries([], entries), hasOlder, pending: [] };
}

function updatePending(
  state: ConversationState,
  clientKey: string,
  change: (p: PendingMessage) => PendingMessage | null,
): ConversationState {
  if (!state.pending.some((p) => p.clientKey === clientKey)) return state;
  const pending = state.pending.flatMap((p) => {
    if (p.clientKey !== clientKey) return [p];
    const next = change(p);
    return next ? [next] : [];
  });
  return { ...state, pending };
}

export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case "merge": {
      const entries = mergeEntries(state.entries, action.entries);
      return entries === state.entries ? state : { ...state, entries };
    }
    case "older":
      return { ...state, entries: mergeEntries(state.entries, action.entries), hasOlder: action.hasOlder };
    case "deleted": {
      const entries = mergeEntries(state.entries, [{ id: action.id, deleted: true }]);
      return entries === state.entries ? state : { ...state, entries };
    }
    case "queued":
      return { ...state, pending: [...state.pending, action.pending] };
    case "sending":
      return updatePending(state, action.clientKey, (p) => ({ ...p, status: "sending", failure: undefined }));
    case "confirmed": {
      // The stored message takes the bubble's place: it goes where its id says.
      const next = updatePending(state, action.clientKey, () => null);
      return { ...next, entries: mergeEntries(next.entries, [action.message]) };
    }
    case "failed":
      return updatePending(state, action.clientKey, (p) => ({ ...p, status: "failed", failure: action.failure }));
    case "discarded":
      return updatePending(state, action.clientKey, () => null);
  }
}

/** The newest id held (deleted ones count: catch-up asks for what came after it). */
export const lastIdOf = (state: Pick<ConversationState, "entries">): number | null => state.entries.at(-1)?.id ?? null;

/** The oldest id held, where "load older" continues. */
export const firstIdOf = (state: Pick<ConversationState, "entries">): number | null => state.entries[0]?.id ?? null;

/** The messages to show: deleted ones are left out (a tombstone carries no author or time). */
export const visibleMessages = (entries: HistoryEntry[]): ChatMessage[] =>
  entries.filter((e): e is ChatMessage => !isTombstone(e));
