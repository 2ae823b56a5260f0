"use client";

import { Button } from "@/components/ui/button";
import { CheckboxCard } from "@/components/ui/checkbox-card";
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
  const saved = state.status === "success" ? state.values?.hidden : undefined;
  const current = saved === undefined ? hidden : saved === "on";

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-5" data-testid="study-log-form">
      {formError || fields?.hidden ? <FormAlert tone="error">{formError ?? fields?.hidden}</FormAlert> : null}
      <CheckboxCard
        key={String(current)}
        name="hidden"
        defaultChecked={current}
        testId="study-log-hidden-checkbox"
        label="Hide my study log"
        hint="Your study time, streak and goals disappear from your profile for others, and room boards leave you out. Your time keeps counting, for when you show it again."
      />
      <div className="flex justify-end">
        <Button type="submit" pending={pending} pendingText="Saving…">
          Save study log setting
        </Button>
      </div>
    </form>
  );
}
