"use server";
// Message actions of the admin area (see lib/admin/server-actions.ts).
import { adminFormAction } from "@/lib/admin/server-actions";
import type { FormState } from "@/lib/form-state";

export async function deleteMessageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("message.delete", formData);
}

export async function deleteAllMessagesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("message.delete_all", formData);
}
