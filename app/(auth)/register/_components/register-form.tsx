"use client";

import { DisplayNameField, EmailField, NewPasswordFields, UsernameField } from "@/components/account-fields";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/use-action-form";
import { initialFormState } from "@/lib/form-state";
import { registerAction } from "../actions";

export function RegisterForm() {
  // Keeps every field (passwords too) after a rejected attempt; refills from state.values without JS.
  const { state, pending, formProps } = useActionForm(registerAction, initialFormState);
  const failed = state.status === "error" ? state : null;
  const fields = failed?.fields ?? {};
  const formMessage = failed && !failed.fields ? failed.message : null;

  return (
    <form {...formProps} className="space-y-5" aria-label="Create your account">
      {formMessage ? <FormAlert tone="error">{formMessage}</FormAlert> : null}
      <EmailField defaultValue={state.values?.email} error={fields.email} />
      <UsernameField
        defaultValue={state.values?.username}
        error={fields.username}
        hint="3–30 letters, digits or underscores. It's your address on Roomful: /u/username."
      />
      <DisplayNameField
        label="Display name"
        defaultValue={state.values?.name}
        error={fields.name}
        hint="What people see next to your messages."
      />
      <NewPasswordFields labels={["Password", "Confirm password"]} errors={fields} maxLength={128} />
      <Button type="submit" block size="lg" pending={pending} pendingText="Creating your account…">
        Create account
      </Button>
    </form>
  );
}
