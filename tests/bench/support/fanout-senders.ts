// The fan-out benchmark's senders: members posting through the real API with their session cookie, as the room page
// does (a message with the tab's X-Socket-Id, so the app skips that socket; a reaction without, since the actor's own
// tab takes reaction:updated like everyone's). With two apps, every other request goes to the other one.
import { randomUUID } from "node:crypto";
import type { BenchMember } from "./fanout-clients";
import type { PlannedReaction } from "./fanout-reactions";
import type { FanoutStack } from "./fanout-stack";

export interface Senders {
  /** POST /api/rooms/<slug>/messages; the HTTP status. */
  post(slug: string, sender: number, body: string): Promise<number>;
  /** POST /api/rooms/<slug>/messages/<id>/reactions; the HTTP status. */
  react(slug: string, reaction: Pick<PlannedReaction, "sender" | "messageId" | "emoji" | "on">): Promise<number>;
}

export function createSenders(
  stack: FanoutStack,
  members: BenchMember[],
  socketIdOf: (sender: number) => string | undefined,
): Senders {
  let requests = 0;
  const send = async (sender: number, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const member = members[sender] as BenchMember;
    const app = stack.apps[requests++ % stack.apps.length] ?? stack.apps[0];
    const response = await fetch(`${app?.baseUrl}${path}`, {
      method: "POST",
      headers: { cookie: member.cookie, "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  };
  return {
    post: (slug, sender, body) =>
      send(
        sender,
        `/api/rooms/${slug}/messages`,
        { body, clientKey: randomUUID() },
        { "x-socket-id": socketIdOf(sender) ?? "" },
      ),
    react: (slug, { sender, messageId, emoji, on }) =>
      send(sender, `/api/rooms/${slug}/messages/${messageId}/reactions`, { emoji, on }),
  };
}
