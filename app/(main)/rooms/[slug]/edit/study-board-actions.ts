"use server";
// The room edit page's weekly study board switch: the host, moderators and admins turn it on or off
// (lib/study/study-board.ts checks who may, how often, and audits a moderator's change).
import { memberAction } from "@/lib/actions/member-action";
import { invalid } from "@/lib/errors";
import type { FormState } from "@/lib/form-state";
import { setStudyBoardAs } from "@/lib/study/study-board";
import { studyBoardFormSchema } from "@/lib/validation/study-log";

export async function setStudyBoardAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const onInvalid = ({ slug, ...fields }: Record<string, string>): FormState => {
    throw slug ? invalid({ slug }, "That is not a room address.") : invalid(fields, fields.enabled);
  };
  return memberAction(formData, { schema: studyBoardFormSchema, onInvalid }, async (input, user) => {
    const { enabled } = await setStudyBoardAs(user, input);
    return {
      status: "success",
      message: enabled
        ? "The study board is on: the room page lists this week's study time."
        : "The study board is off.",
      values: { enabled: enabled ? "on" : "" },
    };
  });
}
