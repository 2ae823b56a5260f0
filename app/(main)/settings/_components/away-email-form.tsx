"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { AwayEmailChoice } from "@/lib/validation/away-emails";
import { updateAwayEmailsAction } from "../away-email-actions";
import { useSuccessToast } from "./use-form-toast";
import { useSettingsForm } from "./use-settings-form";

const OPTIONS: Array<{ value: AwayEmailChoice; label: string; hint: string }> = [
  {
    value: "EACH",
    label: "Every mention and reply",
    hint: "One email batches what waited unread for a while, with a link to each message.",
  },
  { value: "DAILY", label: "Daily digest", hint: "At most one email a day with everything that waited unread." },
  { value: "OFF", label: "Off", hint: "No emails. Your inbox on Roomful still shows every mention and reply." },
];

export interface AwayEmailFormProps {
  mode: AwayEmailChoice;
}

/** Which emails a member gets about mentions and replies left unread; saved with a toast. */
export function AwayEmailForm({ mode }: AwayEmailFormProps) {
  const { state, formAction, pending, formRef, fields, formError } = useSettingsForm(updateAwayEmailsAction);
  useSuccessToast(state, "settings-away-emails");
  const hintId = useId();
  const saved = state.status === "success" ? state.values?.mode : undefined;
  const current = (saved as AwayEmailChoice | undefined) ?? mode;

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-5" data-testid="away-email-form">
      {formError ? <FormAlert tone="error">{formError}</FormAlert> : null}
      <fieldset aria-describedby={fields?.mode ? `${hintId}-error` : undefined}>
        <legend className="text-sm font-medium text-ink">
          Email me about mentions and replies I haven&apos;t read
        </legend>
        <div className="mt-3 space-y-2" key={current}>
          {OPTIONS.map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-line px-3 py-3 hover:bg-sunken has-checked:border-accent"
            >
              <input
                type="radio"
                name="mode"
                value={option.value}
                defaultChecked={current === option.value}
                data-testid={`away-email-${option.value.toLowerCase()}`}
                className="mt-0.5 size-4 accent-accent"
              />
              <span className="flex flex-col text-sm font-medium text-ink">
                {option.label}
                <span className="font-normal text-ink-muted">{option.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {fields?.mode ? (
          <p id={`${hintId}-error`} className="mt-2 text-sm text-rose-700 dark:text-rose-300">
            {fields.mode}
          </p>
        ) : null}
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" pending={pending} pendingText="Saving…">
          Save email settings
        </Button>
      </div>
    </form>
  );
}
