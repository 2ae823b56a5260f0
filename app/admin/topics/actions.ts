"use server";
// Topic actions of the admin area (see lib/admin/server-actions.ts).
import { adminFormAction } from "@/lib/admin/server-actions";
import type { FormState } from "@/lib/form-state";

export async function createTopicAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("topic.create", formData);
}

export async function renameTopicAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("topic.rename", formData);
}

export async function deleteTopicAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("topic.delete", formData);
}

export async function mergeTopicAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return adminFormAction("topic.merge", formData);
}
