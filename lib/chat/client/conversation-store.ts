// The conversation state of one room page, held outside React so that the catch-up engine and
// the send queue read what is current between their awaits; the hook renders it through
// useSyncExternalStore. Every change goes through conversationReducer.
import { conversationReducer, type ConversationAction, type ConversationState } from "./message-store";

export interface ConversationStore {
  getState(): ConversationState;
  dispatch(action: ConversationAction): void;
  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export function createConversationStore(initial: ConversationState): ConversationStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = conversationReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
