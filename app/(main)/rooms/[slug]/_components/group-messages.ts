import type { MessageAuthor, RoomMessage } from "@/lib/db/messages";

export interface MessageGroup {
  /** The first message's id; stable as messages are appended. */
  key: number;
  author: MessageAuthor | null;
  messages: RoomMessage[];
}

/**
 * Consecutive messages by the same author form one group (one avatar and name). Messages of
 * deleted accounts never group: several different people may hide behind "Anonymous User".
 */
export function groupMessages(messages: RoomMessage[]): MessageGroup[] {
  const groups: MessageGroup[] = [];
  for (const message of messages) {
    const last = groups.at(-1);
    if (last && message.author && last.author?.id === message.author.id) {
      last.messages.push(message);
    } else {
      groups.push({ key: message.id, author: message.author, messages: [message] });
    }
  }
  return groups;
}
