"use client";

// The member's room form, for opening a room and for editing one: the fields, the form-level
// error, Cancel and the submit button. One submit at a time; a refused one keeps every value.
import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/use-action-form";
import { initialFormState, type FormState } from "@/lib/form-state";
import { RoomFormFields, type RoomFormValues } from "./room-form-fields";

export interface RoomFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The form's accessible name. */
  label: string;
  initial: RoomFormValues;
  /** The room being edited: its address goes with the form. */
  slug?: string;
  cancelHref: string;
  submitLabel: string;
  pendingText: string;
}

export function RoomForm({ action, label, initial, slug, cancelHref, submitLabel, pendingText }: RoomFormProps) {
  const { state, pending, formProps } = useActionForm(action, initialFormState);
  const failed = state.status === "error" ? state : null;
  const formMessage = failed && !failed.fields ? failed.message : null;
  const values = {
    name: failed?.values?.name ?? initial.name,
    topic: failed?.values?.topic ?? initial.topic,
    description: failed?.values?.description ?? initial.description,
  };

  return (
    <form {...formProps} aria-label={label} data-testid="room-form" className="space-y-6">
      {slug ? <input type="hidden" name="slug" value={slug} /> : null}
      {formMessage ? <FormAlert tone="error">{formMessage}</FormAlert> : null}
      <RoomFormFields values={values} fields={failed?.fields} />
      <div className="flex flex-col-reverse gap-2 border-t border-line pt-5 sm:flex-row sm:justify-end">
        <Link href={cancelHref} className={buttonClasses({ variant: "ghost" })}>
          Cancel
        </Link>
        <Button type="submit" pending={pending} pendingText={pendingText}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
