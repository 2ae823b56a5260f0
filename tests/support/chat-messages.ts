// Chat messages for the browser engines' unit tests: message n is sent n seconds after noon, so ids
// and times agree.
import type { ChatMessage } from "@/lib/chat/message-payload";

const author = { id: "u1", username: "alice", name: "Alice", avatarUrl: null };

export function message(id: number, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id,
    roomId: "r1",
    body: `message ${id}`,
    html: `<p>message ${id}</p>`,
    createdAt: new Date(Date.UTC(2026, 10, 21, 12, 0, id)).toISOString(),
    editedAt: null,
    author,
    ...overrides,
  };
}
