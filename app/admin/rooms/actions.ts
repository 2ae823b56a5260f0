"use server";
// Room actions of the admin area. Each one line: lib/admin/server-actions.ts finds the caller and
// runs the registry action (role check, zod, work, audit entry).
import { adminCallAction, adminFormAction } from "@/lib/admin/server-actions";
import type { FormState } from "@/lib/form-state";

export async function previewRoomSlugAction(input: { name: string; slug?: string; roomId?: string }) {
  return adminCallAction("room.slug_preview", input, { revalidate: false });
}

export async function createRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("room.create", formData);
}

export async function updateRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("room.update", formData);
}

export async function deleteRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("room.delete", formData);
}

export async function reassignHostAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("room.reassign_host", formData);
}

export async function lockRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("room.lock", formData);
}

export async function unlockRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("room.unlock", formData);
}
