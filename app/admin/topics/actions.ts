"use server";
// Topic actions of the admin area: each one registry action, run by lib/admin/server-actions.ts.
import { adminForm } from "@/lib/admin/server-actions";

export const createTopicAction = adminForm("topic.create");
export const renameTopicAction = adminForm("topic.rename");
export const deleteTopicAction = adminForm("topic.delete");
export const mergeTopicAction = adminForm("topic.merge");
