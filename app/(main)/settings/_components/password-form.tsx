"use client";

import { CurrentPasswordField, NewPasswordFields } from "@/components/account-fields";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ProofNeeded } from "@/lib/auth/recent-proof";
import { PASSWORD_MIN } from "@/lib/validation/account";
import { changePasswordAction } from "../actions";
import { ConfirmIdentity } from "./confirm-identity";
import { useSettingsForm } from "./use-settings-form";

export interface PasswordFormProps {
  /** False for members who only signed in with Google or GitHub: they set a first password. */
  hasPassword: boolean;
  /** For password managers: which account this password belongs to. */
  username: string;
  /** Without a password, setting one needs a recent sign-in. */
  proof: ProofNeeded;
}

export function PasswordForm({ hasPassword, username, proof }: PasswordFormProps) {
  const { state, formAction, pending, formRef, fields, formError } = useSettingsForm(changePasswordAction);

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-5" data-testid="password-form">
      {formError ? <FormAlert tone="error">{formError}</FormAlert> : null}
      {state.status === "success" && state.message ? <FormAlert tone="success">{state.message}</FormAlert> : null}
      {/* Lets a password manager file the new password under the right account. */}
      <input type="text" name="usernameHint" autoComplete="username" value={username} readOnly hidden />
      {hasPassword ? (
        <CurrentPasswordField error={fields?.currentPassword} className="sm:max-w-sm" />
      ) : (
        <>
          <FormAlert tone="info" announce="none">
            You sign in with Google or GitHub. Set a password to also sign in with your email or username.
          </FormAlert>
          <ConfirmIdentity proof={proof} section="sign-in" />
        </>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <NewPasswordFields
          labels={hasPassword ? ["New password", "Repeat new password"] : ["Password", "Repeat password"]}
          errors={fields}
          hint={`At least ${PASSWORD_MIN} characters. A few unrelated words work well.`}
          required
          minLength={PASSWORD_MIN}
        />
      </div>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-ink-muted">
          {hasPassword ? "You stay signed in here; other devices are signed out." : null}
        </p>
        <Button type="submit" pending={pending} pendingText="Saving…">
          {hasPassword ? "Change password" : "Set password"}
        </Button>
      </div>
    </form>
  );
}
