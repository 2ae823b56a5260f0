// The state every form's server action returns (React's useActionState): a message for the
// form, errors per field, and the submitted values so the form can keep them after an error.
// Also the one way a server action reads a submission (formFields).
import type { FieldErrors } from "./errors";

export interface FormState {
  status: "idle" | "error" | "success";
  message?: string;
  fields?: FieldErrors;
  /** What was submitted (never passwords), to refill the form after an error. */
  values?: Record<string, string>;
}

export const initialFormState: FormState = { status: "idle" };

const SECRET_FIELDS = ["password", "confirmPassword", "currentPassword"];

/** A submission's text fields, for a zod schema; React's own `$ACTION_…` fields and files are left out. */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  // A server action can be called with any arguments: anything else posts no fields (the schema says what is missing).
  if (!(formData instanceof FormData)) return fields;
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$")) fields[key] = value;
  }
  return fields;
}

/** The text fields of a submission, minus secrets, for refilling the form. */
export function keptValues(formData: FormData, omit: string[] = SECRET_FIELDS): Record<string, string> {
  const values = formFields(formData);
  for (const key of omit) delete values[key];
  return values;
}
