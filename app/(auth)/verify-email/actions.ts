"use server";
// Email confirmation and asking for a new link: signed in (the banner, the verify page) or by
// address (the sign-in page, the verify page when signed out).
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { after } from "next/server";
import { clientIpFrom } from "@/lib/auth/client-ip";
import {
  confirmEmail,
  resendVerification,
  resendVerificationByEmail,
  type ResendOutcome,
} from "@/lib/auth/email-verification";
import { hit } from "@/lib/auth/rate-limit";
import { getCurrentUser } from "@/lib/auth/session";
import { keptValues, type FormState } from "@/lib/form-state";
import { log } from "@/lib/log";
import { emailSchema, tokenSchema } from "@/lib/validation/account";

export type ConfirmState =
  | { status: "idle" }
  | { status: "confirmed"; email: string }
  | { status: "failed"; reason: "invalid" | "expired" | "used" | "taken" }
  | { status: "error" };

/** Posted by the verify page (on load, or by its button without JavaScript), never by a GET. */
export async function confirmEmailAction(_previous: ConfirmState, formData: FormData): Promise<ConfirmState> {
  const token = tokenSchema.safeParse(formData.get("token"));
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

export type ResendState =
  | { status: "idle" }
  | { status: "done"; outcome: ResendOutcome | "signed_out"; at: number }
  | { status: "error"; at: number };

/** "Resend email" for the signed-in member (banner, verify page). */
export async function resendVerificationAction(_previous: ResendState, _formData?: FormData): Promise<ResendState> {
  const at = Date.now();
  try {
    const user = await getCurrentUser();
    if (!user) return { status: "done", outcome: "signed_out", at };
    const outcome = await resendVerification(user.id);
    if (outcome === "already_verified") revalidatePath("/", "layout");
    return { status: "done", outcome, at };
  } catch (error) {
    log.error({ err: error }, "verification mail resend failed");
    return { status: "error", at };
  }
}

/**
 * By address, for someone signed out. The answer never depends on the address, and neither does
 * the time it takes: the lookup and the mail happen after the response.
 */
export async function resendVerificationByEmailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = keptValues(formData);
  const email = emailSchema.safeParse(formData.get("email") ?? "");
  if (!email.success) {
    return {
      status: "error",
      fields: { email: email.error.issues[0]?.message ?? "Enter a valid email address." },
      values,
    };
  }
  const ip = clientIpFrom(await headers());
  after(async () => {
    try {
      if ((await hit("verificationMailIp", ip)).allowed) await resendVerificationByEmail(email.data);
    } catch (error) {
      log.error({ err: error }, "verification mail resend by address failed");
    }
  });
  return {
    status: "success",
    message:
      "If that address belongs to an account that still needs confirming, we've sent it a new link. Check your inbox.",
    values,
  };
}
