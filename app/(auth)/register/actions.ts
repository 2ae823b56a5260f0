"use server";
// Sign-up form action. Reports every field problem at once (format, weak password, taken
// username) before the core's register() runs, then signs the new member in and goes home.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { setFlash } from "@/components/ui/flash";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { passwordProblem } from "@/lib/auth/password-policy";
import { register } from "@/lib/auth/registration";
import { issueSessionCookie } from "@/lib/auth/session-cookie";
import { findTakenIdentities } from "@/lib/db/users";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { formStateFromError } from "@/lib/form-errors";
import { keptValues, type FormState } from "@/lib/form-state";
import { registerSchema, usernameSchema } from "@/lib/validation/account";

const FIELDS = ["email", "username", "name", "password", "confirmPassword"] as const;

function textOf(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
}

/** Every problem the form can show at once; register() checks all of it again. */
async function problemsOf(input: Record<(typeof FIELDS)[number], string>): Promise<FieldErrors | null> {
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
  const values = keptValues(formData);
  const input = Object.fromEntries(FIELDS.map((key) => [key, textOf(formData, key)])) as Record<
    (typeof FIELDS)[number],
    string
  >;

  let email: string;
  try {
    const fields = await problemsOf(input);
    if (fields) return { status: "error", message: "Please correct the highlighted fields.", fields, values };
    const outcome = await register(input, clientIpFrom(await headers()));
    // created:false means the address already has an account. Its owner got a mail about it;
    // this browser sees exactly what a new member sees, minus the session.
    if (outcome.created) await issueSessionCookie({ sub: outcome.userId, sv: outcome.sessionVersion });
    email = input.email.trim().toLowerCase();
  } catch (error) {
    return formStateFromError(error, values);
  }

  await setFlash(`We sent a confirmation link to ${email}. Open it to confirm your email address.`, {
    title: "Check your inbox",
    tone: "success",
    sticky: true,
  });
  redirect("/");
}
