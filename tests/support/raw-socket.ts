// A Pusher-protocol connection by hand (the `ws` package), for tests that play a modified client:
// it subscribes, signs in (pusher:signin) or does not, and never leaves or reconnects on its own.
// Every frame and the close code are kept, so a test can wait on what the realtime server did.
import WebSocket from "ws";
import { eventually } from "./wait-for";

export interface Frame {
  event: string;
  channel?: string;
  data?: unknown;
}

export interface RawSocket {
  socketId: string;
  frames: Frame[];
  /** The close code, once the server (or close()) has closed it. */
  closeCode(): number | undefined;
  send(event: string, data: unknown): void;
  /** The first frame (already received or still to come) that `match` accepts. */
  next(match: (frame: Frame) => boolean, what: string, timeoutMs?: number): Promise<Frame>;
  /** Resolves with the close code once closed. */
  closed(timeoutMs?: number): Promise<number>;
  close(): void;
}

/** Opens a connection to soketi on 127.0.0.1:`port` and resolves once it has its socket id. */
export async function openRawSocket({ port, key }: { port: number; key: string }): Promise<RawSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/app/${key}?protocol=7&client=test&version=1.0`);
  const frames: Frame[] = [];
  let code: number | undefined;
  ws.on("message", (raw: WebSocket.Data) => {
    const frame = JSON.parse(String(raw)) as Frame;
    // Pusher sends data as a JSON string; keep it parsed.
    if (typeof frame.data === "string") {
      try {
        frame.data = JSON.parse(frame.data) as unknown;
      } catch {
        // not JSON: keep the string
      }
    }
    frames.push(frame);
    if (frame.event === "pusher:ping") ws.send(JSON.stringify({ event: "pusher:pong", data: {} }));
  });
  ws.on("close", (closeCode: number) => {
    code = closeCode;
  });
  ws.on("error", () => {
    code ??= -1;
  });
  const next: RawSocket["next"] = (match, what, timeoutMs = 5_000) =>
    eventually(() => frames.find(match), { what, timeoutMs });
  const established = await next((f) => f.event === "pusher:connection_established", "the connection");
  return {
    socketId: (established.data as { socket_id: string }).socket_id,
    frames,
    closeCode: () => code,
    send: (event, data) => ws.send(JSON.stringify({ event, data })),
    next,
    closed: (timeoutMs = 5_000) => eventually(() => code, { what: "the connection to close", timeoutMs }),
    close: () => ws.close(),
  };
}

/** Signs the connection in with `auth` and `user_data` (from the app's user authentication); resolves on success. */
export async function signIn(socket: RawSocket, signed: { auth: string; user_data: string }): Promise<void> {
  socket.send("pusher:signin", signed);
  await socket.next((f) => f.event === "pusher:signin_success", "pusher:signin_success");
}

/** Subscribes (with a channel signature for private and presence channels); true when soketi accepted it. */
export async function subscribe(
  socket: RawSocket,
  channel: string,
  signed?: { auth: string; channel_data?: string },
): Promise<boolean> {
  socket.send("pusher:subscribe", { channel, ...signed });
  const answer = await socket.next(
    (f) =>
      f.channel === channel &&
      (f.event === "pusher_internal:subscription_succeeded" || f.event === "pusher:subscription_error"),
    `an answer to the subscription to ${channel}`,
  );
  return answer.event === "pusher_internal:subscription_succeeded";
}
