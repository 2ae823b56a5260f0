"use server";
// "Forgot password": always the same answer, in the same time (the work happens after the reply).
import { emailRequestAction } from "@/lib/auth/email-request";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { type FormState } from "@/lib/form-state";

export async function requestResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return emailRequestAction(formData, {
    send: requestPasswordReset,
    failure: "password reset request failed",
    answer: (email) => ({ status: "success", values: { email } }),
  });
}
