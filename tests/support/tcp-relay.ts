// A TCP relay in front of a real service (PostgreSQL, soketi) for fault drills: it can refuse new connections (the
// service looks down), cut the open ones (it died), hold bytes either way (it hangs, or its answers are lost), or
// delay each new connection. The service itself is never stopped, so other test files sharing it are unaffected.
import net from "node:net";

export interface Relay {
  port: number;
  /** Each new connection's bytes towards the target wait this long first (0: none). */
  delayMs: number;
  /** Refuse new connections (the target looks down). */
  down: boolean;
  /** Hold bytes towards the target: the service hangs before it hears anything (released by resume()). */
  holdRequests: boolean;
  /** Hold bytes from the target: the service does the work but its answers never arrive (released by resume()). */
  holdReplies: boolean;
  /** Connections open through the relay now. */
  readonly openConnections: number;
  /** Ends every open connection at once, as a crash of the service would. */
  cut(): void;
  /** Stops holding and sends what was held. */
  resume(): void;
  close(): Promise<void>;
}

/** A relay on a free loopback port to `target`. */
export async function startRelay(target: { host: string; port: number }): Promise<Relay> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket; flush: () => void }>();
  const relay: Relay = {
    port: 0,
    delayMs: 0,
    down: false,
    holdRequests: false,
    holdReplies: false,
    get openConnections() {
      return pairs.size;
    },
    cut() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
    },
    resume() {
      relay.holdRequests = false;
      relay.holdReplies = false;
      for (const pair of pairs) pair.flush();
    },
    close: async () => undefined,
  };

  /** Forwards `from` to `to`, keeping chunks back while `held()` says so. */
  function forward(from: net.Socket, to: net.Socket, held: () => boolean): () => void {
    const kept: Buffer[] = [];
    const flush = () => {
      while (!held() && kept.length > 0) to.write(kept.shift() as Buffer);
    };
    from.on("data", (chunk: Buffer) => {
      if (held() || kept.length > 0) kept.push(chunk);
      else to.write(chunk);
      flush();
    });
    from.on("end", () => to.end());
    return flush;
  }

  const server = net.createServer((client) => {
    if (relay.down) {
      client.destroy();
      return;
    }
    client.pause();
    const upstream = net.connect(target);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    const toTarget = forward(client, upstream, () => relay.holdRequests);
    const toClient = forward(upstream, client, () => relay.holdReplies);
    const pair = {
      client,
      upstream,
      flush: () => {
        toTarget();
        toClient();
      },
    };
    pairs.add(pair);
    for (const socket of [client, upstream]) {
      socket.once("close", () => {
        pairs.delete(pair);
        end();
      });
      socket.on("error", end);
    }
    if (relay.delayMs > 0) setTimeout(() => client.resume(), relay.delayMs);
    else client.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  relay.port = (server.address() as net.AddressInfo).port;
  relay.close = () =>
    new Promise<void>((resolve) => {
      relay.cut();
      server.close(() => resolve());
    });
  return relay;
}
