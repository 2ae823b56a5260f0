// Admin actions on messages: delete one, or every message of a member (spam clean-up), through
// lib/chat's deletions, which store and audit first, then tell the open rooms.
import "server-only";
import { deleteMessage, deleteMessagesOf } from "../../chat/message-deletion";
import { deleteAllMessagesSchema, deleteMessageSchema } from "../../validation/admin";
import { defineOperation } from "../operation";

export const messageOperations = {
  "message.delete": defineOperation(deleteMessageSchema, async ({ actor, input, audit }) => {
    const { changed } = await deleteMessage({ actor, messageId: input.id, audit });
    return { message: changed ? "Message deleted." : "That message was already deleted." };
  }),

  "message.delete_all": defineOperation(deleteAllMessagesSchema, async ({ actor, input, audit }) => {
    const n = (await deleteMessagesOf({ actor, userId: input.userId, roomId: input.roomId, audit })).length;
    return {
      message: n === 0 ? "There was nothing left to delete." : `${n} message${n === 1 ? "" : "s"} deleted.`,
      data: { count: n },
    };
  }),
};
