"use server";
// Email confirmation, and asking for a new link by address (the sign-in page, the verify page when
// signed out). The signed-in member's "Resend email" is in lib/auth/actions.ts (the banner calls it).
import { revalidatePath } from "next/cache";
import { emailRequestAction } from "@/lib/auth/email-request";
import { confirmEmail, resendVerificationByEmail } from "@/lib/auth/email-verification";
import { hit } from "@/lib/auth/rate-limit";
import { formFields, type FormState } from "@/lib/form-state";
import { log } from "@/lib/log";
import { tokenSchema } from "@/lib/validation/account";

export type ConfirmState =
  | { status: "idle" }
  | { status: "confirmed"; email: string }
  | { status: "failed"; reason: "invalid" | "expired" | "used" | "taken" }
  | { status: "error" };

/** Posted by the verify page (on load, or by its button without JavaScript), never by a GET. */
export async function confirmEmailAction(_previous: ConfirmState, formData: FormData): Promise<ConfirmState> {
  const token = tokenSchema.safeParse(formFields(formData).token);
  if (!token.success) return { status: "failed", reason: "invalid" };
  try {
    const outcome = await confirmEmail(token.data);
    if (!outcome.ok) return { status: "failed", reason: outcome.reason };
    // The "please confirm" banner lives in the root layout.
    revalidatePath("/", "layout");
    return { status: "confirmed", email: outcome.email };
  } catch (error) {
    log.error({ err: error }, "email confirmation failed");
    return { status: "error" };
  }
}

/** By address, for someone signed out; the answer is the same whoever the address belongs to. */
export async function resendVerificationByEmailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return emailRequestAction(formData, {
    send: async (email, ip) => {
      if ((await hit("verificationMailIp", ip)).allowed) await resendVerificationByEmail(email);
    },
    failure: "verification mail resend by address failed",
    answer: (_email, values) => ({
      status: "success",
      message:
        "If that address belongs to an account that still needs confirming, we've sent it a new link. Check your inbox.",
      values,
    }),
  });
}
