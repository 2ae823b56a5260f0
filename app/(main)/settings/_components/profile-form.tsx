"use client";

import { useState } from "react";
import { DisplayNameField, UsernameField } from "@/components/account-fields";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { BIO_MAX } from "@/lib/validation/profile";
import { updateProfileAction } from "../actions";
import { useSuccessToast } from "./use-form-toast";
import { useSettingsForm } from "./use-settings-form";

export interface ProfileFormProps {
  name: string;
  username: string;
  bio: string;
}

export function ProfileForm({ name, username, bio }: ProfileFormProps) {
  const { state, formAction, pending, formRef, fields, values, formError } = useSettingsForm(updateProfileAction);
  useSuccessToast(state, "settings-profile");

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-5" data-testid="profile-form">
      {formError ? <FormAlert tone="error">{formError}</FormAlert> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <DisplayNameField label="Name" required defaultValue={values?.name ?? name} error={fields?.name} />
        <UsernameField
          required
          minLength={3}
          defaultValue={values?.username ?? username}
          error={fields?.username}
          hint={`Lower-case letters, digits and underscores. Your profile is at /u/${username}.`}
        />
      </div>
      {/* Keyed by its text so the counter restarts whenever the form is refilled. */}
      <BioField key={values?.bio ?? bio} defaultValue={values?.bio ?? bio} error={fields?.bio} />
      <div className="flex justify-end">
        <Button type="submit" pending={pending} pendingText="Saving…">
          Save profile
        </Button>
      </div>
    </form>
  );
}

interface BioFieldProps {
  defaultValue: string;
  error?: string;
}

function BioField({ defaultValue, error }: BioFieldProps) {
  // Counts for the hint only; the textarea stays uncontrolled so a failed submit keeps its text.
  const [length, setLength] = useState(defaultValue.length);
  const over = length > BIO_MAX;
  return (
    <div>
      <div className="mb-1.5 flex items-baseline justify-between gap-3">
        <label htmlFor="settings-bio" className="text-sm font-medium text-ink">
          Bio
        </label>
        <span
          id="settings-bio-count"
          aria-live="polite"
          className={`text-xs tabular-nums ${over ? "font-semibold text-rose-700 dark:text-rose-300" : "text-ink-subtle"}`}
        >
          {length}/{BIO_MAX}
        </span>
      </div>
      <textarea
        id="settings-bio"
        name="bio"
        rows={4}
        defaultValue={defaultValue}
        onChange={(event) => setLength(event.currentTarget.value.replace(/\r\n/g, "\n").length)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "settings-bio-error settings-bio-count" : "settings-bio-count"}
        placeholder="A line or two about you: what you like to talk about, what you are learning."
        className={`block w-full resize-y rounded-lg border bg-surface px-3 py-2.5 text-base text-ink shadow-sm shadow-black/[0.02] transition placeholder:text-ink-subtle focus:outline-none focus-visible:ring-3 sm:text-sm ${
          error
            ? "border-rose-600 focus:border-rose-600 focus-visible:ring-rose-500/30 dark:border-rose-400"
            : "border-line-strong hover:border-ink-subtle/60 focus:border-accent focus-visible:ring-ring/30"
        }`}
      />
      {error ? (
        <p id="settings-bio-error" className="mt-1.5 text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
