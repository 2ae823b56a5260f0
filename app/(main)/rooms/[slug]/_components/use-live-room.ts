"use client";
// The room's details as the page shows them (and the tab's title): the server render's, then each `room:updated`,
// until `room:deleted`.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { RoomUpdatedEvent } from "@/lib/realtime/event-schemas";
import type { RoomHeaderRoom } from "./room-header";

export function useLiveRoom<R extends RoomHeaderRoom>(initialRoom: R) {
  const [update, setUpdate] = useState<RoomUpdatedEvent | null>(null);
  const [deleted, setDeleted] = useState(false);
  const room = useMemo(
    () =>
      update
        ? { ...initialRoom, name: update.name, description: update.description, topic: update.topic }
        : initialRoom,
    [initialRoom, update],
  );
  const onRoomDeleted = useCallback(() => setDeleted(true), []);
  useEffect(() => {
    document.title = `${room.name} · Roomful`;
  }, [room.name]);
  return { room, deleted, setUpdate, onRoomDeleted };
}
