"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import type { ProofNeeded } from "@/lib/auth/recent-proof";
import { deleteAccountAction } from "../actions";
import { ConfirmIdentity } from "./confirm-identity";
import { useSettingsForm } from "./use-settings-form";

export interface DeleteAccountFormProps {
  hasPassword: boolean;
  username: string;
  /** Without a password, deleting needs a recent sign-in too. */
  proof: ProofNeeded;
}

/** Two steps: a button that opens the confirmation, then the password (or username) to confirm. */
export function DeleteAccountForm({ hasPassword, username, proof }: DeleteAccountFormProps) {
  const [open, setOpen] = useState(false);
  const { formAction, pending, formRef, fields, formError } = useSettingsForm(deleteAccountAction);

  return (
    <div className="space-y-4">
      <ul className="list-disc space-y-1 pl-5 text-sm text-ink-muted marker:text-ink-subtle">
        <li>Your profile, picture and sign-in methods are removed for good.</li>
        <li>Your messages stay in their rooms, shown as by “Anonymous User”.</li>
        <li>Rooms you host stay open, without a host.</li>
      </ul>
      {open ? (
        <form
          ref={formRef}
          action={formAction}
          noValidate
          className="space-y-4 rounded-xl border border-rose-200 bg-rose-50/50 p-4 dark:border-rose-900/70 dark:bg-rose-950/20"
          data-testid="delete-account-form"
        >
          {formError ? <FormAlert tone="error">{formError}</FormAlert> : null}
          <ConfirmIdentity proof={proof} section="delete" />
          {hasPassword ? (
            <TextField
              label="Your password"
              name="confirmation"
              type="password"
              autoComplete="current-password"
              required
              // Shown by the member's own "Delete account" press: focus goes to what it revealed.
              // eslint-disable-next-line jsx-a11y/no-autofocus
              autoFocus
              error={fields?.confirmation}
              hint="Enter your password to confirm that you want to delete your account."
              className="sm:max-w-sm"
            />
          ) : (
            <TextField
              label={
                <>
                  Type <span className="font-mono font-semibold">{username}</span> to confirm
                </>
              }
              name="confirmation"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              // Shown by the member's own "Delete account" press: focus goes to what it revealed.
              // eslint-disable-next-line jsx-a11y/no-autofocus
              autoFocus
              error={fields?.confirmation}
              className="sm:max-w-sm"
            />
          )}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" pending={pending} pendingText="Deleting…">
              Delete my account
            </Button>
            <Button variant="ghost" onClick={() => setOpen(false)} disabled={pending}>
              Keep my account
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" onClick={() => setOpen(true)} className="text-rose-700 dark:text-rose-300">
          Delete account…
        </Button>
      )}
    </div>
  );
}
