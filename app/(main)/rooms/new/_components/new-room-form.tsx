"use client";

import { createRoomAction } from "../actions";
import { RoomForm } from "../../_components/room-form";

export interface NewRoomFormProps {
  /** Prefilled from ?name= (the home page's "no rooms match" state links here). */
  initialName: string;
  /** Prefilled from ?topic= (a topic's page). */
  initialTopic: string;
}

export function NewRoomForm({ initialName, initialTopic }: NewRoomFormProps) {
  return (
    <RoomForm
      action={createRoomAction}
      label="Open a room"
      initial={{ name: initialName, topic: initialTopic, description: "" }}
      cancelHref="/"
      submitLabel="Open room"
      pendingText="Opening the room…"
    />
  );
}
