"use server";
// Setting a new password from a reset link. Success ends every session (the core bumps the
// session version) and sends the member to sign in with the new password.
import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/auth/password-reset";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { fieldErrorsOf } from "@/lib/errors";
import { formStateFromError } from "@/lib/form-errors";
import { type FormState } from "@/lib/form-state";
import { resetPasswordSchema } from "@/lib/validation/account";

export interface ResetState extends FormState {
  /** Set when the link itself is the problem: the page then offers a new one. */
  linkProblem?: "invalid" | "expired" | "used";
}

export async function resetPasswordAction(_previous: ResetState, formData: FormData): Promise<ResetState> {
  const parsed = resetPasswordSchema.safeParse({
    token: formData.get("token") ?? "",
    password: formData.get("password") ?? "",
    confirmPassword: formData.get("confirmPassword") ?? "",
  });
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    if (fields.token) return { status: "error", linkProblem: "invalid" };
    if (fields.confirmPassword && !formData.get("confirmPassword"))
      fields.confirmPassword = "Repeat your new password.";
    return { status: "error", message: "Please correct the highlighted fields.", fields };
  }
  try {
    const outcome = await resetPassword(parsed.data.token, parsed.data.password);
    if (!outcome.ok) return { status: "error", linkProblem: outcome.reason };
  } catch (error) {
    return formStateFromError(error);
  }
  // This browser's session (if any) was ended with the others; drop the dead cookie too.
  await clearSessionCookie();
  redirect("/login?reset=1");
}
