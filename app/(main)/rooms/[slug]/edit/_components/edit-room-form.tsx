"use client";

import { RoomForm } from "../../../_components/room-form";
import type { RoomFormValues } from "../../../_components/room-form-fields";
import { updateRoomAction } from "../../actions";

export interface EditRoomFormProps {
  slug: string;
  room: RoomFormValues;
}

export function EditRoomForm({ slug, room }: EditRoomFormProps) {
  return (
    <RoomForm
      action={updateRoomAction}
      label="Edit room"
      initial={room}
      slug={slug}
      cancelHref={`/rooms/${slug}`}
      submitLabel="Save changes"
      pendingText="Saving…"
    />
  );
}
