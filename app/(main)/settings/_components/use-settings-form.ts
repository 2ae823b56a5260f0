"use client";

import { useActionState, useRef } from "react";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { initialFormState, type FormState } from "@/lib/form-state";

/**
 * A settings form bound to its server action: after a failure, focus goes to the first invalid
 * field; a field-less error (e.g. signed out meanwhile) is shown above the form as `formError`.
 */
export function useSettingsForm(action: (state: FormState, formData: FormData) => Promise<FormState>) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const failed = state.status === "error" ? state : null;
  useFocusFirstError(formRef, failed);
  const fields = failed?.fields;
  const formError = failed && !fields ? failed.message : undefined;
  return { state, formAction, pending, formRef, fields, values: failed?.values, formError };
}
