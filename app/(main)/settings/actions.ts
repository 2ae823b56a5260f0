"use server";
// The settings page's server actions. Each is a public endpoint: memberAction finds the caller,
// validates the form with zod and answers with a FormState; the work reads in a few lines.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { setFlash } from "@/lib/flash";
import { sendVerificationMail } from "@/lib/auth/email-verification";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { sendPasswordChangedNotice } from "@/lib/auth/password-reset";
import { enforce } from "@/lib/auth/rate-limit";
import { requireRecentProof } from "@/lib/auth/recent-proof";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { memberAction, noFields } from "@/lib/actions/member-action";
import { deleteUserAccount } from "@/lib/db/account-deletion";
import { findAccountSettings, updateProfile } from "@/lib/db/profiles";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { retireTokens } from "@/lib/db/tokens";
import { findTakenIdentities, setPasswordHash } from "@/lib/db/users";
import { invalid } from "@/lib/errors";
import { endUserConnections } from "@/lib/realtime/connections";
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
  return memberAction(
    formData,
    { schema: changeEmailSchema, refill: true },
    async ({ email, currentPassword }, user) => {
      if (email === user.email) {
        throw invalid({
          email: user.emailVerified
            ? "This is already your email address."
            : "This is already your address; confirm it with the link we sent.",
        });
      }
      await requireRecentProof(user, currentPassword, "currentPassword");
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
    },
  );
}

/** "Send the link again" for the change already asked for (and proved): to the pending address, none other. */
export async function resendEmailChangeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: noFields }, async (_input, user) => {
    const pending = (await findAccountSettings(user.id))?.pendingEmail;
    if (!pending) return { status: "error", message: "There is no email change waiting: ask for one below." };
    await enforce("verificationMail", user.id, "You asked for several confirmation mails already.");
    await sendVerificationMail(user, pending.email);
    revalidatePath("/settings");
    return { status: "success", message: `We sent the link to ${pending.email} again.` };
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
    // Members who only ever signed in with Google or GitHub set a first password after a fresh sign-in instead.
    await requireRecentProof(user, currentPassword, "currentPassword");
    const problem = passwordProblem(password, { email: user.email, username: user.username });
    if (problem) throw invalid({ password: problem });
    if (user.hasPassword && password === currentPassword)
      throw invalid({ password: "Choose a password different from the current one." });

    // Every other device is signed out; this one stays, proved just now.
    await setPasswordHash({
      userId: user.id,
      passwordHash: await hashPassword(password),
      keepSessionId: user.sessionId,
    });
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
    if (!user.hasPassword && confirmation.trim().toLowerCase() !== user.username) {
      throw invalid({
        confirmation: confirmation.trim() ? "That is not your username." : "Type your username to confirm.",
      });
    }
    // The password where there is one; else the username typed above and a fresh sign-in.
    await requireRecentProof(user, user.hasPassword ? confirmation : "", "confirmation");
    // Null when a second submit lost the race: the account is gone either way.
    await deleteUserAccount({ userId: user.id });
    // Their other tabs and devices leave the rooms' presence too.
    await endUserConnections(user.id, { reason: "deletion" });
    await clearSessionCookie();
    await setFlash("Your messages stay in their rooms, shown as by “Anonymous User”.", {
      title: "Your account was deleted",
      tone: "success",
    });
    redirect("/");
  });
}
