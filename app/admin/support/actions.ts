"use server";
// Support-request actions of the admin area: each one registry action, run by lib/admin/server-actions.ts.
import { adminForm } from "@/lib/admin/server-actions";

export const supportResendAction = adminForm("support.resend_verification");
export const supportMarkVerifiedAction = adminForm("support.mark_verified");
export const supportCloseAction = adminForm("support.close");
