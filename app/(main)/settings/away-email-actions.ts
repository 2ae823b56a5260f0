"use server";
// The settings page's email notifications section: which away emails the signed-in member gets.
import { memberAction } from "@/lib/actions/member-action";
import type { FormState } from "@/lib/form-state";
import { changeAwayEmailChoice } from "@/lib/notifications/away-email-settings";
import { awayEmailSettingsSchema } from "@/lib/validation/away-emails";

const SAVED = {
  EACH: "You'll get an email when a mention or reply waits unread.",
  DAILY: "You'll get at most one email a day about mentions and replies.",
  OFF: "You'll get no emails about mentions and replies.",
} as const;

export async function updateAwayEmailsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: awayEmailSettingsSchema }, async (input, user) => {
    const mode = await changeAwayEmailChoice({ userId: user.id, input });
    return { status: "success", message: SAVED[mode], values: { mode } };
  });
}
