// The room page's conversation state, as a pure reducer: every message the page holds, merged by
// id from wherever it came (server render, history pages, catch-up, live events, send replies),
// plus the viewer's own messages still on their way. Ids increase with every insert, so sorting
// by id is the room's order; duplicates collapse into one entry. After a jump it holds a window of older history
// (`hasNewer`): live messages then wait behind "Jump to newest" until paging down or a jump reaches the live end.
import {
  isTombstone,
  type ChatMessage,
  type HistoryEntry,
  type ReactionGroup,
  type ReplyQuote,
} from "../message-payload";
import { sameQuote } from "../reply-quote";
import { applyReaction, keepNames, sameReactions, type ReactionChange } from "./reactions";
import { reconcileQuotes } from "./reply-quotes";

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
  /** The message it replies to, as the composer showed it. */
  replyTo?: ReplyQuote | null;
  /** Asked with "Ask": stored as a question too (a retry asks again under the same key). */
  question?: boolean;
  status: "sending" | "failed";
  failure?: SendFailure;
}

export interface ConversationState {
  /** Ascending by id, one entry per id; deleted messages stay as tombstones so their ids count. */
  entries: HistoryEntry[];
  /** Older messages exist before the first entry. */
  hasOlder: boolean;
  /**
   * Newer messages exist after the last entry: the page holds a window of older history (a jump), not the live end.
   * Live messages are then counted in `newerArrived`, not shown below the gap.
   */
  hasNewer: boolean;
  /** New messages announced live while `hasNewer` (for "Jump to newest"). */
  newerArrived: number;
  /** Grows whenever the entries are replaced (a jump): pages asked for before then are dropped, not merged. */
  epoch: number;
  /** In the order they were written; shown after every stored message. */
  pending: PendingMessage[];
}

export type ConversationAction =
  | { type: "merge"; entries: HistoryEntry[] }
  | { type: "older"; entries: HistoryEntry[]; hasOlder: boolean; epoch?: number }
  | { type: "newer"; entries: HistoryEntry[]; hasNewer: boolean; epoch?: number }
  /** A jump: another window of history (or the latest page) takes the place of everything held. */
  | { type: "replace"; entries: HistoryEntry[]; hasOlder: boolean; hasNewer: boolean }
  /** A `message:created` event (`message` null when too large to carry it): merged at the live end, counted while
   * a window is held. */
  | { type: "created"; id: number; message: ChatMessage | null }
  | { type: "deleted"; id: number }
  /** One emoji's reactions on a held message changed (the member's toggle or its reply, or `reaction:updated`). */
  | { type: "reaction"; messageId: number; change: ReactionChange }
  /** All of a held message's reactions, with names (asked for by a tooltip). */
  | { type: "reactions"; messageId: number; reactions: ReactionGroup[] }
  | { type: "queued"; pending: PendingMessage }
  | { type: "sending"; clientKey: string }
  | { type: "confirmed"; clientKey: string; message: ChatMessage }
  | { type: "failed"; clientKey: string; failure: SendFailure }
  | { type: "discarded"; clientKey: string };

const editedTime = (message: ChatMessage) => (message.editedAt ? Date.parse(message.editedAt) : 0);

/**
 * Which of two copies of one message wins: a deletion is final, and a copy never replaces one
 * that was edited later (a late, older event must not undo an edit). Reactions come from the copy that carries them
 * (a history page does; a send, an edit and their events do not), the incoming one first.
 */
export function newerEntry(existing: HistoryEntry, incoming: HistoryEntry): HistoryEntry {
  if (isTombstone(existing)) return existing;
  if (isTombstone(incoming)) return incoming;
  const winner = editedTime(incoming) >= editedTime(existing) ? incoming : existing;
  const reactions = incoming.reactions ? keepNames(incoming.reactions, existing.reactions) : existing.reactions;
  return winner.reactions === reactions || reactions === undefined ? winner : { ...winner, reactions };
}

function sameEntry(a: HistoryEntry, b: HistoryEntry): boolean {
  if (a === b) return true;
  if (isTombstone(a) || isTombstone(b)) return isTombstone(a) && isTombstone(b);
  return (
    a.editedAt === b.editedAt &&
    a.html === b.html &&
    a.body === b.body &&
    a.author?.avatarUrl === b.author?.avatarUrl &&
    a.author?.name === b.author?.name &&
    sameQuote(a.replyTo, b.replyTo) &&
    sameReactions(a.reactions, b.reactions)
  );
}

/**
 * `entries` with `incoming` merged in by id, ascending, and the quotes of replies to what came in (or of what came in)
 * brought in line with the originals held. Returns `entries` itself when nothing changed, so a duplicate (an event for
 * a message already held) does not re-render anything.
 */
export function mergeEntries(entries: HistoryEntry[], incoming: HistoryEntry[]): HistoryEntry[] {
  const merged = mergeById(entries, incoming);
  return merged === entries ? entries : reconcileQuotes(merged, new Set(incoming.map((entry) => entry.id)));
}

function mergeById(entries: HistoryEntry[], incoming: HistoryEntry[]): HistoryEntry[] {
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

export function initialConversation(entries: HistoryEntry[], hasOlder: boolean, hasNewer = false): ConversationState {
  return { entries: mergeEntries([], entries), hasOlder, hasNewer, newerArrived: 0, epoch: 0, pending: [] };
}

/**
 * The part of `incoming` inside the span held: an entry beyond an edge that has more behind it (an edit of a message
 * not loaded) would leave a hole, and paging from that edge would skip it. Loaded pages are merged whole instead.
 */
export function withinHeld(
  state: Pick<ConversationState, "entries" | "hasOlder" | "hasNewer">,
  incoming: HistoryEntry[],
) {
  const first = state.entries[0]?.id;
  const last = state.entries.at(-1)?.id;
  if (first === undefined || last === undefined) return incoming;
  return incoming.filter((e) => !(state.hasOlder && e.id < first) && !(state.hasNewer && e.id > last));
}

function mergeHeld(state: ConversationState, incoming: HistoryEntry[]): ConversationState {
  const entries = mergeEntries(state.entries, withinHeld(state, incoming));
  return entries === state.entries ? state : { ...state, entries };
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

function withReactions(
  state: ConversationState,
  messageId: number,
  change: (held: ReactionGroup[]) => ReactionGroup[],
): ConversationState {
  const index = state.entries.findIndex((entry) => entry.id === messageId);
  const held = state.entries[index];
  if (!held || isTombstone(held)) return state;
  const reactions = change(held.reactions ?? []);
  if (sameReactions(held.reactions, reactions)) return state;
  const entries = state.entries.slice();
  entries[index] = { ...held, reactions };
  return { ...state, entries };
}

export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case "merge":
      return mergeHeld(state, action.entries);
    case "created": {
      const last = state.entries.at(-1)?.id ?? 0;
      if (state.hasNewer && action.id > last) return { ...state, newerArrived: state.newerArrived + 1 };
      return action.message ? mergeHeld(state, [action.message]) : state;
    }
    case "older":
      if (action.epoch !== undefined && action.epoch !== state.epoch) return state;
      return { ...state, entries: mergeEntries(state.entries, action.entries), hasOlder: action.hasOlder };
    case "newer":
      if (action.epoch !== undefined && action.epoch !== state.epoch) return state;
      return {
        ...state,
        entries: mergeEntries(state.entries, action.entries),
        hasNewer: action.hasNewer,
        newerArrived: action.hasNewer ? state.newerArrived : 0,
      };
    case "replace":
      return {
        ...state,
        entries: mergeEntries([], action.entries),
        hasOlder: action.hasOlder,
        hasNewer: action.hasNewer,
        newerArrived: 0,
        epoch: state.epoch + 1,
      };
    case "deleted":
      return mergeHeld(state, [{ id: action.id, deleted: true }]);
    case "reaction":
      return withReactions(state, action.messageId, (held) => applyReaction(held, action.change));
    case "reactions":
      return withReactions(state, action.messageId, () => action.reactions);
    case "queued":
      return { ...state, pending: [...state.pending, action.pending] };
    case "sending":
      return updatePending(state, action.clientKey, (p) => ({ ...p, status: "sending", failure: undefined }));
    case "confirmed": {
      // The stored message takes the bubble's place: it goes where its id says.
      // Past a window's end it is not shown here: "Jump to newest" (which a send starts) loads it.
      return mergeHeld(
        updatePending(state, action.clientKey, () => null),
        [action.message],
      );
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
