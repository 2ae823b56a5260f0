"use server";
// Sign-up form action. Reports every field problem at once (format, weak password, taken
// username) before the core's startSignUp() runs, then sends everyone to the sign-in page with
// "check your inbox": never a session, so a new address and a taken one get the same answer.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { passwordProblem } from "@/lib/auth/password-policy";
import { startSignUp } from "@/lib/auth/registration";
import { findTakenIdentities } from "@/lib/db/users";
import { fieldErrorsOf, invalid, type FieldErrors } from "@/lib/errors";
import { setFlash } from "@/lib/flash";
import { type FormState } from "@/lib/form-state";
import { log } from "@/lib/log";
import { registerSchema, usernameSchema } from "@/lib/validation/account";
import { text } from "@/lib/validation/text";

// The form as typed (a missing field reads as empty); problemsOf judges it.
const typed = text().default("");
const registerFormSchema = z.object({
  email: typed,
  username: typed,
  name: typed,
  password: typed,
  confirmPassword: typed,
});

/** Every problem the form can show at once; startSignUp() checks all of it again. */
async function problemsOf(input: z.output<typeof registerFormSchema>): Promise<FieldErrors | null> {
  const parsed = registerSchema.safeParse(input);
  const fields: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  // zod skips the object's refine while a field is invalid; say it now rather than on the next try.
  if (!fields.confirmPassword && input.confirmPassword !== input.password) {
    fields.confirmPassword = input.confirmPassword ? "The two passwords differ." : "Repeat your password.";
  }
  if (!fields.password) {
    const problem = passwordProblem(input.password, { email: input.email.trim(), username: input.username.trim() });
    if (problem) fields.password = problem;
  }
  // Usernames are public (profile URLs), so saying one is taken reveals nothing.
  const username = usernameSchema.safeParse(input.username);
  if (!fields.username && username.success && (await findTakenIdentities({ username: username.data })).username) {
    fields.username = "This username is taken. Try another.";
  }
  return Object.keys(fields).length > 0 ? fields : null;
}

export async function registerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { caller: "anyone", schema: registerFormSchema, refill: true }, async (input) => {
    const fields = await problemsOf(input);
    if (fields) throw invalid(fields);
    // Whether the address was new or already had an account, this browser sees the same, as fast:
    // the rest (a new account and its confirmation link, or a note to the owner) runs after the reply.
    const finish = await startSignUp(input, clientIpFrom(await headers()));
    after(async () => {
      try {
        await finish();
      } catch (error) {
        log.error({ err: error }, "sign-up not completed");
      }
    });
    const email = input.email.trim().toLowerCase();
    await setFlash(`We sent a mail to ${email}. Open it to confirm your address, then sign in.`, {
      title: "Check your inbox",
      tone: "success",
      sticky: true,
    });
    redirect("/login");
  });
}
