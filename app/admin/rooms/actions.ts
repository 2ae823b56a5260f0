"use server";
// Room actions of the admin area: each one registry action, run by lib/admin/server-actions.ts.
import { adminCallAction, adminForm } from "@/lib/admin/server-actions";

export async function previewRoomSlugAction(input: { name: string; slug?: string; roomId?: string }) {
  return adminCallAction("room.slug_preview", input, { revalidate: false });
}

export const createRoomAction = adminForm("room.create");
export const updateRoomAction = adminForm("room.update");
export const deleteRoomAction = adminForm("room.delete");
export const reassignHostAction = adminForm("room.reassign_host");
export const lockRoomAction = adminForm("room.lock");
export const unlockRoomAction = adminForm("room.unlock");
