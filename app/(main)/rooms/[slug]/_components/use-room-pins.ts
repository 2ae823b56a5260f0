"use client";
// The room's pins in the browser: the server render's list, kept live by `pins:updated` (ids of all pins, the summary
// of the one just pinned) and `message:deleted` (a deleted message's pin goes with it); a client that missed an event
// (an id it has no summary of, a resubscribe after a reconnect) refetches the list. Pin/Unpin call the room's actions.
import { useCallback, useMemo, useState } from "react";
import { useRoomChannel } from "@/components/realtime/use-room-channel";
import { useToast } from "@/components/ui/toast";
import type { ChatMessage } from "@/lib/chat/message-payload";
import { initialFormState } from "@/lib/form-state";
import {
  messageDeletedSchema,
  pinsListSchema,
  pinsUpdatedSchema,
  ROOM_EVENTS,
  type PinView,
} from "@/lib/realtime/event-schemas";
import { pinMessageAction, unpinMessageAction } from "../actions";

export interface RoomPins {
  pins: PinView[];
  ids: ReadonlySet<number>;
  /** The host and moderators: pin or unpin, with a toast for the outcome. */
  toggle?: (messageId: number, pinned: boolean) => void;
  /** For the message list's Pin/Unpin. */
  onToggle?: (message: ChatMessage, pinned: boolean) => void;
}

export function useRoomPins({
  roomId,
  slug,
  initial,
  canPin,
}: {
  roomId: string;
  slug: string;
  initial: PinView[];
  canPin: boolean;
}): RoomPins {
  const [pins, setPins] = useState(initial);
  const { toast } = useToast();

  const refetch = useCallback(async () => {
    try {
      const response = await fetch(`/api/rooms/${encodeURIComponent(slug)}/pins`, { cache: "no-store" });
      if (!response.ok) return;
      setPins(pinsListSchema.parse(await response.json()).pins);
    } catch {
      // The next event or resubscribe tries again; the list shown stays as it was.
    }
  }, [slug]);

  // Read with the latest pins: useRoomChannel runs the handler of the last render.
  const onPinsUpdated = (data: unknown) => {
    const event = pinsUpdatedSchema.safeParse(data);
    if (!event.success || event.data.roomId !== roomId) return;
    const { messageIds, pinned } = event.data;
    const known = new Map(pins.map((pin) => [pin.messageId, pin]));
    if (pinned) known.set(pinned.messageId, pinned);
    const next = messageIds.map((id) => known.get(id));
    setPins(next.filter((pin): pin is PinView => pin !== undefined));
    if (next.some((pin) => pin === undefined)) void refetch();
  };

  const onMessageDeleted = useCallback((data: unknown) => {
    const event = messageDeletedSchema.safeParse(data);
    if (event.success) setPins((held) => held.filter((pin) => pin.messageId !== event.data.messageId));
  }, []);

  useRoomChannel(
    roomId,
    { [ROOM_EVENTS.pinsUpdated]: onPinsUpdated, [ROOM_EVENTS.messageDeleted]: onMessageDeleted },
    { onSubscribed: (_channel, again) => void (again && refetch()) },
  );

  const toggle = useCallback(
    async (messageId: number, pinned: boolean) => {
      const data = new FormData();
      data.set("slug", slug);
      data.set("messageId", String(messageId));
      try {
        const state = await (pinned ? unpinMessageAction : pinMessageAction)(initialFormState, data);
        const ok = state.status === "success";
        toast({ id: "pin-outcome", message: state.message ?? "Done.", tone: ok ? "success" : "error" });
        // Shown at once, not only when the realtime server tells everyone (it may be out of reach).
        if (ok) void refetch();
      } catch {
        toast({ id: "pin-outcome", message: "That did not go through. Please try again.", tone: "error" });
      }
    },
    [slug, toast, refetch],
  );

  const ids = useMemo(() => new Set(pins.map((pin) => pin.messageId)), [pins]);
  const onToggle = useCallback((message: ChatMessage, pinned: boolean) => void toggle(message.id, pinned), [toggle]);
  return {
    pins,
    ids,
    toggle: canPin ? (id, pinned) => void toggle(id, pinned) : undefined,
    onToggle: canPin ? onToggle : undefined,
  };
}
