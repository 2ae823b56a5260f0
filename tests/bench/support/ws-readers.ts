// Raw WebSocket readers for the fan-out benchmark: the Pusher protocol by hand over the `ws` package (a dependency
// of our dependencies, already installed; Node 20 has no WebSocket global without a flag), so that a couple of
// thousand readers cost this process little: no pusher-js state machine per reader, and a message is matched by a
// regular expression on the raw frame instead of being parsed. A reader signs in (pusher:signin: soketi closes a
// connection that has not within 30 s), subscribes to the public room channel and, as a member, to its private-here
// channel (both signed with the pusher SDK, as the app's user and channel auth would).
import WebSocket from "ws";

export interface ReaderOptions {
  /** ws://host:port of a soketi node. */
  url: string;
  key: string;
  channel: string;
  /** Signs pusher:signin once the socket id is known: a member as their id, a visitor as visitor-<socket id>. */
  signIn: (socketId: string) => { auth: string; user_data: string };
  /** A member's private channel and its signature, asked for once the socket id is known. */
  privateChannel?: { name: string; sign: (socketId: string) => string };
  /** Called with every message:created frame, raw. */
  onMessage: (frame: string) => void;
  /** Called with every reaction:updated frame, raw (the reaction phase). */
  onReaction?: (frame: string) => void;
  timeoutMs?: number;
}

export interface Reader {
  socketId: string;
  close(): void;
  /** Still open. */
  open(): boolean;
}

const MESSAGE_CREATED = '"event":"message:created"';
const REACTION_UPDATED = '"event":"reaction:updated"';

export function connectReader(options: ReaderOptions): Promise<Reader> {
  const { url, key, channel, signIn, privateChannel, onMessage, onReaction, timeoutMs = 30_000 } = options;
  const socket = new WebSocket(`${url}/app/${key}?protocol=7&client=bench&version=1.0`, { perMessageDeflate: false });
  return new Promise<Reader>((resolve, reject) => {
    let socketId = "";
    // The sign-in and each subscription.
    let pending = privateChannel ? 3 : 2;
    const timer = setTimeout(() => fail(new Error(`subscribing to ${channel} timed out`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.terminate();
      reject(error);
    };
    const send = (event: string, data: unknown) => socket.send(JSON.stringify({ event, data }));
    socket.on("error", (error) => fail(error));
    socket.on("message", (raw: WebSocket.Data) => {
      const frame = typeof raw === "string" ? raw : raw.toString();
      // The hot path: one substring test per frame.
      if (frame.includes(MESSAGE_CREATED)) {
        onMessage(frame);
        return;
      }
      if (onReaction && frame.includes(REACTION_UPDATED)) {
        onReaction(frame);
        return;
      }
      const { event, data } = JSON.parse(frame) as { event: string; data?: unknown };
      if (event === "pusher:ping") {
        send("pusher:pong", {});
      } else if (event === "pusher:connection_established") {
        socketId = (JSON.parse(String(data)) as { socket_id: string }).socket_id;
        send("pusher:signin", signIn(socketId));
        send("pusher:subscribe", { channel });
        if (privateChannel) {
          send("pusher:subscribe", { channel: privateChannel.name, auth: privateChannel.sign(socketId) });
        }
      } else if (event === "pusher_internal:subscription_succeeded" || event === "pusher:signin_success") {
        if (--pending === 0) {
          clearTimeout(timer);
          resolve({ socketId, close: () => socket.close(), open: () => socket.readyState === WebSocket.OPEN });
        }
      } else if (event === "pusher:error" || event === "pusher:subscription_error") {
        fail(new Error(`${event}: ${JSON.stringify(data)}`));
      }
    });
  });
}
