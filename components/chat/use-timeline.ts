"use client";
// The rows the message list shows (day separators, groups, the viewer's sends on their way), rebuilt only when the
// conversation, the viewer or the minute changes.
import { useMemo } from "react";
import { visibleMessages, type ConversationState } from "@/lib/chat/client/message-store";
import { buildTimeline } from "@/lib/chat/client/timeline";
import type { MessageAuthorPayload } from "@/lib/chat/message-payload";
import type { ChatTime } from "./use-clock";

export function useTimeline(
  state: Pick<ConversationState, "entries" | "pending">,
  viewer: MessageAuthorPayload | null,
  time: ChatTime,
) {
  return useMemo(
    () =>
      buildTimeline({
        messages: visibleMessages(state.entries),
        pending: state.pending,
        viewer,
        now: time.now,
        timeZone: time.timeZone,
      }),
    [state.entries, state.pending, viewer, time.now, time.timeZone],
  );
}
