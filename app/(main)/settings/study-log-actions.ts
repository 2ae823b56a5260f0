"use server";
// The settings page's study log section: whether the signed-in member's study log is hidden from others.
import { memberAction } from "@/lib/actions/member-action";
import type { FormState } from "@/lib/form-state";
import { changeStudyLogHidden } from "@/lib/study/settings";
import { studyLogSettingsSchema } from "@/lib/validation/study-log";

export async function updateStudyLogAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: studyLogSettingsSchema }, async (input, user) => {
    const hidden = await changeStudyLogHidden({ userId: user.id, input });
    return {
      status: "success",
      message: hidden
        ? "Your study log is hidden: others no longer see it, and room boards leave you out."
        : "Your study log shows on your profile and on the boards of rooms you study in.",
      values: { hidden: hidden ? "on" : "" },
    };
  });
}
