"use client";

import { DisplayNameField, UsernameField } from "@/components/account-fields";
import { TextareaField } from "@/components/textarea-field";
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
      <TextareaField
        key={values?.bio ?? bio}
        label="Bio"
        name="bio"
        rows={4}
        defaultValue={values?.bio ?? bio}
        error={fields?.bio}
        placeholder="A line or two about you: what you like to talk about, what you are learning."
        counter={{ max: BIO_MAX, announce: true }}
      />
      <div className="flex justify-end">
        <Button type="submit" pending={pending} pendingText="Saving…">
          Save profile
        </Button>
      </div>
    </form>
  );
}
