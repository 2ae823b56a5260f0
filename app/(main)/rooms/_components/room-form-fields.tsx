"use client";

// The fields of the room form, shared by "Open a room" and "Edit room": name, topic (with
// suggestions) and description (with a counter). Uncontrolled where possible, so a failed submit
// keeps what was typed.
import { TextareaField } from "@/components/textarea-field";
import { TextField } from "@/components/ui/text-field";
import { TopicField } from "@/components/topic-field/topic-field";
import { ROOM_DESCRIPTION_MAX, ROOM_NAME_MAX, ROOM_NAME_MIN } from "@/lib/validation/rooms";

export interface RoomFormValues {
  name: string;
  topic: string;
  description: string;
}

export interface RoomFormFieldsProps {
  values: RoomFormValues;
  fields?: Partial<Record<keyof RoomFormValues, string>>;
}

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
        hint="Pick an existing topic or type a new one, so people find the room in the right place."
      />
      {/* Keyed by its text so the counter restarts whenever the form is refilled. */}
      <TextareaField
        key={values.description}
        label="Description"
        optional
        name="description"
        rows={5}
        defaultValue={values.description}
        error={fields.description}
        placeholder="What is the room for? Who is it for? Any ground rules?"
        counter={{ max: ROOM_DESCRIPTION_MAX, trim: true, testId: "description-count" }}
      />
    </div>
  );
}
