// Admin actions on messages: delete one, or every message of a member (spam clean-up). Each
// deletion is stored first, then sent live to the open rooms (message:deleted per message).
import "server-only";
import { moderatorDeleteAllMessages, moderatorDeleteMessage, type DeletedByModerator } from "../../db/admin-messages";
import { publishMessageDeleted } from "../../realtime/events";
import { deleteAllMessagesSchema, messageIdSchema } from "../../validation/admin";
import { excerpt } from "../audit";
import { defineOperation } from "../operation";

/** Tells each room, a few at a time, so a clean-up of thousands does not open thousands of requests at once. */
export async function publishDeletions(messages: DeletedByModerator[], concurrency = 8): Promise<void> {
  for (let i = 0; i < messages.length; i += concurrency) {
    await Promise.all(
      messages.slice(i, i + concurrency).map((m) => publishMessageDeleted({ roomId: m.roomId, messageId: m.id })),
    );
  }
}

export const messageOperations = {
  "message.delete": defineOperation(messageIdSchema, async ({ input, audit }) => {
    const { message, changed } = await moderatorDeleteMessage({
      id: input.id,
      audit: (m) =>
        audit(
          { type: "message", id: m.id, label: excerpt(m.body) },
          `by ${m.author ? `@${m.author.username}` : "Anonymous User"} in ${m.room.name}`,
        ),
    });
    if (changed) await publishMessageDeleted({ roomId: message.roomId, messageId: message.id });
    return { message: changed ? "Message deleted." : "That message was already deleted." };
  }),

  "message.delete_all": defineOperation(deleteAllMessagesSchema, async ({ input, audit }) => {
    const deleted = await moderatorDeleteAllMessages({
      userId: input.userId,
      roomId: input.roomId,
      audit: ({ username, count, roomName }) =>
        audit(
          { type: "user", id: input.userId, label: `@${username}` },
          `${count} message${count === 1 ? "" : "s"} deleted${roomName ? ` in ${roomName}` : " in every room"}`,
        ),
    });
    await publishDeletions(deleted);
    const n = deleted.length;
    return {
      message: n === 0 ? "There was nothing left to delete." : `${n} message${n === 1 ? "" : "s"} deleted.`,
      data: { count: n },
    };
  }),
};
