"use client";

import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/use-action-form";
import { initialFormState } from "@/lib/form-state";
import { createRoomAction } from "../actions";
import { RoomFormFields } from "../../_components/room-form-fields";

export interface NewRoomFormProps {
  /** Prefilled from ?name= (the home page's "no rooms match" state links here). */
  initialName: string;
  /** Prefilled from ?topic= (a topic's page). */
  initialTopic: string;
}

export function NewRoomForm({ initialName, initialTopic }: NewRoomFormProps) {
  // One submit at a time (pending + in-flight guard); a refused one keeps every value.
  const { state, pending, formProps } = useActionForm(createRoomAction, initialFormState);
  const failed = state.status === "error" ? state : null;
  const formMessage = failed && !failed.fields ? failed.message : null;
  const values = {
    name: failed?.values?.name ?? initialName,
    topic: failed?.values?.topic ?? initialTopic,
    description: failed?.values?.description ?? "",
  };

  return (
    <form {...formProps} aria-label="Open a room" data-testid="room-form" className="space-y-6">
      {formMessage ? <FormAlert tone="error">{formMessage}</FormAlert> : null}
      <RoomFormFields values={values} fields={failed?.fields} />
      <div className="flex flex-col-reverse gap-2 border-t border-line pt-5 sm:flex-row sm:justify-end">
        <Link href="/" className={buttonClasses({ variant: "ghost" })}>
          Cancel
        </Link>
        <Button type="submit" pending={pending} pendingText="Opening the room…">
          Open room
        </Button>
      </div>
    </form>
  );
}
