"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/use-action-form";
import { initialFormState } from "@/lib/form-state";
import { PASSWORD_MIN } from "@/lib/validation/account";
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
      <TextField
        label="Email"
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        error={fields.email}
        maxLength={254}
      />
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={state.values?.username}
        error={fields.username}
        hint="3–30 letters, digits or underscores. It's your address on Roomful: /u/username."
        maxLength={30}
      />
      <TextField
        label="Display name"
        name="name"
        autoComplete="name"
        defaultValue={state.values?.name}
        error={fields.name}
        hint="What people see next to your messages."
        maxLength={60}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={fields.password}
        hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong one.`}
        maxLength={128}
      />
      <TextField
        label="Confirm password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={fields.confirmPassword}
        maxLength={128}
      />
      <Button type="submit" block size="lg" pending={pending} pendingText="Creating your account…">
        Create account
      </Button>
    </form>
  );
}
