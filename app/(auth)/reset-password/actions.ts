"use server";
// Setting a new password from a reset link. Success ends every session (the core bumps the
// session version) and sends the member to sign in with the new password.
import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/auth/password-reset";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { memberAction } from "@/lib/actions/member-action";
import type { FieldErrors } from "@/lib/errors";
import { type FormState } from "@/lib/form-state";
import { resetPasswordSchema } from "@/lib/validation/account";

export interface ResetState extends FormState {
  /** Set when the link itself is the problem: the page then offers a new one. */
  linkProblem?: "invalid" | "expired" | "used";
}

/** A bad token means the link, not the form: the page offers a new link instead of field errors. */
function invalidReset(fields: FieldErrors, { form }: { form: Record<string, string> }): ResetState {
  if (fields.token) return { status: "error", linkProblem: "invalid" };
  if (fields.confirmPassword && !form.confirmPassword) fields.confirmPassword = "Repeat your new password.";
  return { status: "error", message: "Please correct the highlighted fields.", fields };
}

export async function resetPasswordAction(_previous: ResetState, formData: FormData): Promise<ResetState> {
  const options = { caller: "anyone", schema: resetPasswordSchema, onInvalid: invalidReset } as const;
  return memberAction(formData, options, async ({ token, password }): Promise<ResetState> => {
    const outcome = await resetPassword(token, password);
    if (!outcome.ok) return { status: "error", linkProblem: outcome.reason };
    // This browser's session (if any) was ended with the others; drop the dead cookie too.
    await clearSessionCookie();
    redirect("/login?reset=1");
  });
}
