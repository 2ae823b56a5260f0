"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/use-action-form";
import { initialFormState } from "@/lib/form-state";
import { resendVerificationByEmailAction } from "../verify-email/actions";

export interface ResendByEmailFormProps {
  /** The submit button's words. */
  submitLabel?: string;
  defaultEmail?: string;
}

/** Asks for a new confirmation link by address (for someone signed out). Always answers alike. */
export function ResendByEmailForm({ submitLabel = "Send a new link", defaultEmail }: ResendByEmailFormProps) {
  const { state, pending, formProps } = useActionForm(resendVerificationByEmailAction, initialFormState);

  return (
    <form {...formProps} className="space-y-4">
      {state.status === "success" ? <FormAlert tone="success">{state.message}</FormAlert> : null}
      <TextField
        label="Email address"
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        defaultValue={state.values?.email ?? defaultEmail}
        error={state.fields?.email}
        maxLength={254}
      />
      <Button type="submit" variant="secondary" block pending={pending} pendingText="Sending…">
        {submitLabel}
      </Button>
    </form>
  );
}
