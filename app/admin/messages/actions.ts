"use server";
// Message actions of the admin area: each one registry action, run by lib/admin/server-actions.ts.
import { adminForm } from "@/lib/admin/server-actions";

export const deleteMessageAction = adminForm("message.delete");
export const deleteAllMessagesAction = adminForm("message.delete_all");
