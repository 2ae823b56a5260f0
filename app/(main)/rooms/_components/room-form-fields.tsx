"use client";

// The fields of the room form, shared by "Open a room" and "Edit room": name, topic (with
// suggestions) and description (with a counter). Uncontrolled where possible, so a failed submit
// keeps what was typed.
import { useId, useState } from "react";
import { FieldError, TextField } from "@/components/ui/text-field";
import { TopicField } from "@/components/topic-field/topic-field";
import { ROOM_DESCRIPTION_MAX, ROOM_NAME_MAX, ROOM_NAME_MIN, TOPIC_NAME_MAX } from "@/lib/validation/rooms";

export interface RoomFormValues {
  name: string;
  topic: string;
  description: string;
}

export interface RoomFormFieldsProps {
  values: RoomFormValues;
  fields?: Partial<Record<keyof RoomFormValues, string>>;
}

const format = (n: number) => n.toLocaleString("en-US");

export function RoomFormFields({ values, fields = {} }: RoomFormFieldsProps) {
  return (
    <div className="space-y-5">
      <TextField
        label="Name"
        name="name"
        autoComplete="off"
        required
        minLength={ROOM_NAME_MIN}
        maxLength={ROOM_NAME_MAX}
        defaultValue={values.name}
        error={fields.name}
        hint={`${ROOM_NAME_MIN}–${ROOM_NAME_MAX} characters. Say what people will talk about, e.g. “Python for beginners”.`}
      />
      <TopicField
        name="topic"
        label="Topic"
        defaultValue={values.topic}
        error={fields.topic}
        maxLength={TOPIC_NAME_MAX}
        hint="Pick an existing topic or type a new one, so people find the room in the right place."
      />
      {/* Keyed by its text so the counter restarts whenever the form is refilled. */}
      <DescriptionField key={values.description} defaultValue={values.description} error={fields.description} />
    </div>
  );
}

interface DescriptionFieldProps {
  defaultValue: string;
  error?: string;
}

function DescriptionField({ defaultValue, error }: DescriptionFieldProps) {
  const id = useId();
  const [length, setLength] = useState(defaultValue.length);
  const over = length > ROOM_DESCRIPTION_MAX;
  return (
    <div>
      <div className="mb-1.5 flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium text-ink">
          Description <span className="font-normal text-ink-subtle">(optional)</span>
        </label>
        <span
          id={`${id}-count`}
          data-testid="description-count"
          className={`text-xs tabular-nums ${over ? "font-semibold text-rose-700 dark:text-rose-300" : "text-ink-subtle"}`}
        >
          {format(length)}/{format(ROOM_DESCRIPTION_MAX)}
          <span className="sr-only"> characters</span>
        </span>
      </div>
      <textarea
        id={id}
        name="description"
        rows={5}
        defaultValue={defaultValue}
        // Counted as the server counts: line breaks are one character whatever the platform sends.
        onChange={(event) => setLength(event.currentTarget.value.replace(/\r\n/g, "\n").trim().length)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-count` : `${id}-count`}
        placeholder="What is the room for? Who is it for? Any ground rules?"
        className={`block w-full resize-y rounded-lg border bg-surface px-3 py-2.5 text-base text-ink shadow-sm shadow-black/[0.02] transition placeholder:text-ink-subtle focus:outline-none focus-visible:ring-3 sm:text-sm ${
          error
            ? "border-rose-600 focus:border-rose-600 focus-visible:ring-rose-500/30 dark:border-rose-400"
            : "border-line-strong hover:border-ink-subtle/60 focus:border-accent focus-visible:ring-ring/30"
        }`}
      />
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}
