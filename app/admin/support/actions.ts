"use server";
// Support-request actions of the admin area (see lib/admin/server-actions.ts).
import { adminFormAction } from "@/lib/admin/server-actions";
import type { FormState } from "@/lib/form-state";

export async function supportResendAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("support.resend_verification", formData);
}

export async function supportMarkVerifiedAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("support.mark_verified", formData);
}

export async function supportCloseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("support.close", formData);
}
