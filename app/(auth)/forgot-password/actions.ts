"use server";
// "Forgot password": always the same answer, in the same time (the work happens after the reply).
import { headers } from "next/headers";
import { after } from "next/server";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { keptValues, type FormState } from "@/lib/form-state";
import { log } from "@/lib/log";
import { emailSchema } from "@/lib/validation/account";

export async function requestResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
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
      await requestPasswordReset(email.data, ip);
    } catch (error) {
      log.error({ err: error }, "password reset request failed");
    }
  });
  return { status: "success", values: { email: email.data } };
}
