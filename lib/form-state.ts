// The state every form's server action returns (React's useActionState): a message for the
// form, errors per field, and the submitted values so the form can keep them after an error.
import type { FieldErrors } from "./errors";

export interface FormState {
  status: "idle" | "error" | "success";
  message?: string;
  fields?: FieldErrors;
  /** What was submitted (never passwords), to refill the form after an error. */
  values?: Record<string, string>;
}

export const initialFormState: FormState = { status: "idle" };

/** The text fields of a submission, minus secrets, for refilling the form. */
export function keptValues(
  formData: FormData,
  omit: string[] = ["password", "confirmPassword", "currentPassword"],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !omit.includes(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}
