"use client";

import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/use-action-form";
import { initialFormState } from "@/lib/form-state";
import { RoomFormFields, type RoomFormValues } from "../../../_components/room-form-fields";
import { updateRoomAction } from "../../actions";

export interface EditRoomFormProps {
  slug: string;
  room: RoomFormValues;
}

export function EditRoomForm({ slug, room }: EditRoomFormProps) {
  const { state, pending, formProps } = useActionForm(updateRoomAction, initialFormState);
  const failed = state.status === "error" ? state : null;
  const formMessage = failed && !failed.fields ? failed.message : null;
  const values = {
    name: failed?.values?.name ?? room.name,
    topic: failed?.values?.topic ?? room.topic,
    description: failed?.values?.description ?? room.description,
  };

  return (
    <form {...formProps} aria-label="Edit room" data-testid="room-form" className="space-y-6">
      <input type="hidden" name="slug" value={slug} />
      {formMessage ? <FormAlert tone="error">{formMessage}</FormAlert> : null}
      <RoomFormFields values={values} fields={failed?.fields} />
      <div className="flex flex-col-reverse gap-2 border-t border-line pt-5 sm:flex-row sm:justify-end">
        <Link href={`/rooms/${slug}`} className={buttonClasses({ variant: "ghost" })}>
          Cancel
        </Link>
        <Button type="submit" pending={pending} pendingText="Saving…">
          Save changes
        </Button>
      </div>
    </form>
  );
}
