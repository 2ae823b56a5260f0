// The fan-out benchmark's floor: the payload the app would send for a message (a ChatMessage), built here and
// triggered straight to soketi with the pusher SDK, one SDK per node with a keep-alive agent like the app's, so the
// difference to the app's POST is what the app adds. The message body both of them carry is here too.
import { Agent } from "node:http";
import Pusher from "pusher";
import { DEV_DEFAULTS } from "../../../lib/env";
import { roomChannel } from "../../../lib/realtime/channels";
import type { BenchMember } from "./fanout-clients";
import type { FanoutNode } from "./fanout-stack";

/** The message number sits in the body, so every receiver can time it without a clock of its own. */
export const bodyOf = (seq: number, sender: BenchMember) =>
  `fanout #${seq}: **hello** from @${sender.username}, about as long as an ordinary line of chat in a busy room.`;
export const SEQ = /fanout #(\d+):/;

function floorPayload(n: number, member: BenchMember, roomId: string) {
  const body = bodyOf(n, member);
  const mention = `<a href="/u/${member.username}" class="mention">@${member.username}</a>`;
  return {
    id: n,
    roomId,
    body,
    html: `<p>${body.replace(/\*\*hello\*\*/, "<strong>hello</strong>").replace(`@${member.username}`, mention)}</p>`,
    createdAt: new Date().toISOString(),
    editedAt: null,
    author: { id: member.id, username: member.username, name: `Fan-out ${member.username}`, avatarUrl: null },
  };
}

export interface Floor {
  /** Signs readers in and their private channels (the first node's SDK; any would do). */
  signer: Pusher;
  /** Triggers message `n` by `member`, skipping their socket as the app does; the HTTP status, 0 when refused. */
  trigger(roomId: string, n: number, member: BenchMember, socketId: string | undefined): Promise<number>;
}

/** The floor's triggers alternate between the nodes. */
export function createFloor(nodes: FanoutNode[]): Floor {
  const sdks = nodes.map(
    (node) =>
      new Pusher({
        appId: DEV_DEFAULTS.PUSHER_APP_ID,
        key: DEV_DEFAULTS.PUSHER_KEY,
        secret: DEV_DEFAULTS.PUSHER_SECRET,
        host: "127.0.0.1",
        port: String(node.port),
        useTLS: false,
        agent: new Agent({ keepAlive: true }),
      }),
  );
  const signer = sdks[0] as Pusher;
  let triggers = 0;
  return {
    signer,
    async trigger(roomId, n, member, socketId) {
      const sdk = sdks[triggers++ % sdks.length] ?? signer;
      const response = await sdk.trigger(
        roomChannel(roomId),
        "message:created",
        floorPayload(n, member, roomId),
        socketId ? { socket_id: socketId } : undefined,
      );
      const answer = (await response.json().catch(() => ({}))) as { error?: string };
      return answer.error ? 0 : response.status;
    },
  };
}
