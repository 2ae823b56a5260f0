"use client";
// Jumping within a room's conversation (use-conversation.ts holds the rest): a message link's window, jumpTo for
// in-page jumps (scroll and highlight if held, else the window around it), newer pages below a window, and
// "Jump to newest" back to the live end. The address follows as `?m=<id>` (lib/chat/client/jump.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CatchUp } from "@/lib/chat/client/catch-up";
import { errorMessageOf, isMessageGone } from "@/lib/chat/client/chat-api";
import type { ConversationStore } from "@/lib/chat/client/conversation-store";
import { JUMP_DELETED, JUMP_NOT_FOUND, replaceJumpParam, type JumpTarget } from "@/lib/chat/client/jump";
import type { ConversationState } from "@/lib/chat/client/message-store";
import { isTombstone } from "@/lib/chat/message-payload";

/** What the message list needs for jumps: handed to MessageList as `jump`. */
export interface ConversationJump {
  slug: string;
  /** A window of older history is shown: newer messages exist below it. */
  hasNewer: boolean;
  /** Grows when a jump replaced the list (back at the live end, the list goes to its bottom). */
  epoch: number;
  /** Live messages announced below the window (counted on "Jump to newest"). */
  newerArrived: number;
  loadingNewer: boolean;
  newerError: string | null;
  onLoadNewer: () => void;
  onJumpToNewest: () => void;
  /** The message last jumped to: centred and highlighted once per `seq`. */
  target: JumpTarget | null;
  /** See useConversationJump. */
  jumpTo: (id: number) => Promise<boolean>;
  /** Why the last jump found nothing ("That message could not be found."), until the next one. */
  notice: string | null;
  onDismissNotice: () => void;
}

/** What a message link (`?m=`) opened the page on. */
export interface InitialJump {
  /** The server rendered a window of older history: newer messages exist after it. */
  hasNewer: boolean;
  /** The message it was opened for (scrolled to and highlighted); a later render for another one jumps there. */
  target: number | null;
  /** Why the latest messages are shown instead ("That message could not be found."). */
  notice: string | null;
}

export interface ConversationJumpOptions {
  slug: string;
  store: ConversationStore;
  state: ConversationState;
  sync: CatchUp;
  initial?: InitialJump;
  onError: (error: unknown) => void;
}

export function useConversationJump({
  slug,
  store,
  state,
  sync,
  initial,
  onError,
}: ConversationJumpOptions): ConversationJump {
  const initialTarget = initial?.target ?? null;
  const [loadingNewer, setLoadingNewer] = useState(false);
  const [newerError, setNewerError] = useState<string | null>(null);
  const [target, setTarget] = useState<JumpTarget | null>(() =>
    initialTarget === null ? null : { id: initialTarget, seq: 1 },
  );
  const [notice, setNotice] = useState<string | null>(initial?.notice ?? null);
  // The message the address names.
  const addressTarget = useRef(initialTarget);

  const onLoadNewer = useCallback(async () => {
    const loading = sync.loadNewer();
    if (!loading) return;
    setLoadingNewer(true);
    setNewerError(null);
    try {
      await loading;
    } catch (error) {
      onError(error);
      setNewerError(errorMessageOf(error, "Could not load newer messages."));
    } finally {
      setLoadingNewer(false);
    }
  }, [sync, onError]);

  /**
   * Shows message `id` of this room: scrolled to and highlighted if held, else the window around it replaces the
   * list. The address becomes `?m=<id>` (shareable). False, with a notice, when the room holds no such message.
   */
  const jumpTo = useCallback(
    async (id: number): Promise<boolean> => {
      setNotice(null);
      if (!store.getState().entries.some((entry) => entry.id === id)) {
        try {
          await sync.loadAround(id);
        } catch (error) {
          onError(error);
          setNotice(isMessageGone(error) ? JUMP_NOT_FOUND : errorMessageOf(error, "Could not open that message."));
          return false;
        }
      }
      const held = store.getState().entries.find((entry) => entry.id === id);
      if (held && isTombstone(held)) setNotice(JUMP_DELETED);
      setTarget((previous) => ({ id, seq: (previous?.seq ?? 0) + 1 }));
      addressTarget.current = id;
      replaceJumpParam(id);
      return true;
    },
    [store, sync, onError],
  );

  useEffect(() => {
    if (initialTarget === null || initialTarget === addressTarget.current) return;
    void jumpTo(initialTarget);
  }, [initialTarget, jumpTo]);

  /** Back to the live end: the latest page replaces a window of older history, and `?m=` leaves the address. */
  const jumpToNewest = useCallback(async () => {
    setNotice(null);
    addressTarget.current = null;
    replaceJumpParam(null);
    if (!store.getState().hasNewer) return;
    try {
      await sync.loadLatest();
    } catch (error) {
      onError(error);
      setNewerError(errorMessageOf(error, "Could not load the newest messages."));
    }
  }, [store, sync, onError]);

  const { hasNewer, epoch, newerArrived } = state;
  return useMemo(
    () => ({
      slug,
      hasNewer,
      epoch,
      newerArrived,
      loadingNewer,
      newerError,
      onLoadNewer: () => void onLoadNewer(),
      onJumpToNewest: () => void jumpToNewest(),
      target,
      jumpTo,
      notice,
      onDismissNotice: () => setNotice(null),
    }),
    [slug, hasNewer, epoch, newerArrived, loadingNewer, newerError, onLoadNewer, jumpToNewest, target, jumpTo, notice],
  );
}
