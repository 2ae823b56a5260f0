"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { updateStudyLogAction } from "../study-log-actions";
import { useSuccessToast } from "./use-form-toast";
import { useSettingsForm } from "./use-settings-form";

export interface StudyLogFormProps {
  hidden: boolean;
}

/** "Hide my study log": saved with a toast; the profile and room boards follow at once. */
export function StudyLogForm({ hidden }: StudyLogFormProps) {
  const { state, formAction, pending, formRef, fields, formError } = useSettingsForm(updateStudyLogAction);
  useSuccessToast(state, "settings-study-log");
  const hintId = useId();
  const saved = state.status === "success" ? state.values?.hidden : undefined;
  const current = saved === undefined ? hidden : saved === "on";

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-5" data-testid="study-log-form">
      {formError || fields?.hidden ? <FormAlert tone="error">{formError ?? fields?.hidden}</FormAlert> : null}
      <label
        key={String(current)}
        className="flex cursor-pointer items-start gap-3 rounded-lg border border-line px-3 py-3 hover:bg-sunken has-checked:border-accent"
      >
        <input
          type="checkbox"
          name="hidden"
          defaultChecked={current}
          aria-describedby={hintId}
          data-testid="study-log-hidden-checkbox"
          className="mt-0.5 size-4 accent-accent"
        />
        <span className="flex flex-col text-sm font-medium text-ink">
          Hide my study log
          <span id={hintId} className="font-normal text-ink-muted">
            Your study time, streak and goals disappear from your profile for others, and room boards leave you out.
            Your time keeps counting, for when you show it again.
          </span>
        </span>
      </label>
      <div className="flex justify-end">
        <Button type="submit" pending={pending} pendingText="Saving…">
          Save study log setting
        </Button>
      </div>
    </form>
  );
}
