"use server";
// The settings page's server actions. Each is a public endpoint: memberAction finds the caller,
// validates the form with zod and answers with a FormState; the work reads in a few lines.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { setFlash } from "@/lib/flash";
import { sendVerificationMail } from "@/lib/auth/email-verification";
import { checkOwnPassword } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { sendPasswordChangedNotice } from "@/lib/auth/password-reset";
import { enforce } from "@/lib/auth/rate-limit";
import { clearSessionCookie, issueSessionCookie } from "@/lib/auth/session-cookie";
import { memberAction, noFields } from "@/lib/actions/member-action";
import { deleteUserAccount } from "@/lib/db/account-deletion";
import { updateProfile } from "@/lib/db/profiles";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { retireTokens } from "@/lib/db/tokens";
import { findTakenIdentities, setPasswordHash } from "@/lib/db/users";
import { invalid } from "@/lib/errors";
import { type FormState } from "@/lib/form-state";
import { log } from "@/lib/log";
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema, profileSchema } from "@/lib/validation/profile";

const USERNAME_TAKEN = "This username is taken. Try another.";

export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: profileSchema, refill: true }, async ({ name, username, bio }, user) => {
    if (username !== user.username && (await findTakenIdentities({ username, exceptUserId: user.id })).username) {
      throw invalid({ username: USERNAME_TAKEN });
    }
    try {
      await updateProfile({ userId: user.id, name, username, bio });
    } catch (error) {
      // Someone took the name between the check and the write.
      if (isUniqueViolation(error)) throw invalid({ username: USERNAME_TAKEN });
      throw error;
    }
    revalidatePath("/", "layout");
    return { status: "success", message: "Profile saved.", values: { name, username, bio } };
  });
}

export async function changeEmailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: changeEmailSchema, refill: true }, async ({ email }, user) => {
    if (email === user.email) {
      throw invalid({
        email: user.emailVerified
          ? "This is already your email address."
          : "This is already your address; confirm it with the link we sent.",
      });
    }
    await enforce("verificationMail", user.id, "You asked for several confirmation mails already.");
    // Whether another account uses the address is not revealed here: the link itself refuses a
    // taken address when it is opened (confirmEmail), and only the address's owner can open it.
    await sendVerificationMail(user, email);
    revalidatePath("/settings");
    return {
      status: "success",
      message: `We sent a confirmation link to ${email}. Your email changes once you open it.`,
      values: { email: "" },
    };
  });
}

export async function cancelEmailChangeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: noFields }, async (_input, user) => {
    await retireTokens({ userId: user.id, kind: "EMAIL_VERIFICATION", now: new Date() });
    revalidatePath("/settings");
    return { status: "success", message: "The email change was cancelled." };
  });
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: changePasswordSchema }, async ({ currentPassword, password }, user) => {
    // Members who only ever signed in with Google or GitHub set a first password without one.
    if (user.hasPassword)
      await checkOwnPassword({ userId: user.id, password: currentPassword, field: "currentPassword" });
    const problem = passwordProblem(password, { email: user.email, username: user.username });
    if (problem) throw invalid({ password: problem });
    if (user.hasPassword && password === currentPassword)
      throw invalid({ password: "Choose a password different from the current one." });

    const sessionVersion = await setPasswordHash({ userId: user.id, passwordHash: await hashPassword(password) });
    // Every session ended with the version bump; this browser gets a cookie with the new one.
    await issueSessionCookie({ sub: user.id, sv: sessionVersion });
    try {
      await sendPasswordChangedNotice(user.id);
    } catch (error) {
      // The password is changed either way; a mail outage must not look like a failure.
      log.error({ err: error }, "password-changed notice not sent");
    }
    return {
      status: "success",
      message: user.hasPassword
        ? "Password changed. You were signed out everywhere else."
        : "Password set. You can now sign in with it too.",
    };
  });
}

export async function deleteAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: deleteAccountSchema }, async ({ confirmation }, user) => {
    if (user.hasPassword) {
      await checkOwnPassword({ userId: user.id, password: confirmation, field: "confirmation" });
    } else if (confirmation.trim().toLowerCase() !== user.username) {
      throw invalid({
        confirmation: confirmation.trim() ? "That is not your username." : "Type your username to confirm.",
      });
    }
    // Null when a second submit lost the race: the account is gone either way.
    await deleteUserAccount({ userId: user.id });
    await clearSessionCookie();
    await setFlash("Your messages stay in their rooms, shown as by “Anonymous User”.", {
      title: "Your account was deleted",
      tone: "success",
    });
    redirect("/");
  });
}
