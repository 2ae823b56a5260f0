"use server";
// Member actions of the admin area (see lib/admin/server-actions.ts).
import { adminFormAction } from "@/lib/admin/server-actions";
import type { FormState } from "@/lib/form-state";

export async function setRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("member.set_role", formData);
}

export async function deactivateMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("member.deactivate", formData);
}

export async function reactivateMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("member.reactivate", formData);
}

export async function deleteMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("member.delete", formData);
}

export async function verifyEmailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("member.verify_email", formData);
}

export async function resendVerificationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("member.resend_verification", formData);
}
