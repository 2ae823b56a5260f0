"use server";
// The report queue's actions: each one registry action, run by lib/admin/server-actions.ts.
import { adminForm } from "@/lib/admin/server-actions";

export const deleteReportedMessageAction = adminForm("report.delete_message");
export const muteReportedAuthorAction = adminForm("report.mute_author");
export const banReportedAuthorAction = adminForm("report.ban_author");
export const dismissReportsAction = adminForm("report.dismiss");
