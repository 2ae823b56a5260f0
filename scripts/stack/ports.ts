// Port helpers for the local stack: check a configured port before starting a piece (so a clash
// is reported with the variable that changes it), and pick free ports for test runs.
import net from "node:net";

export class StackError extends Error {
  override name = "StackError";
}

function canListen(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Throws a StackError naming the port, its purpose and the variable that moves it. */
export async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
  // Check the wildcard and loopback addresses: a service bound to either blocks ours.
  const free = (await canListen(port)) && (await canListen(port, "127.0.0.1"));
  if (!free) {
    throw new StackError(
      `Port ${port} (${what}) is already in use. Stop whatever uses it, or set ${variable} to another port.`,
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on host:port, or rejects after timeoutMs. */
export async function waitForPort(port: number, host = "127.0.0.1", timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ port, host });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new StackError(`Nothing answered on ${host}:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Reads a port from the environment, with a default; a malformed value is a StackError. */
export function portFromEnv(variable: string, fallback: number, source: NodeJS.ProcessEnv = process.env): number {
  const raw = source[variable];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StackError(`${variable} must be a port number between 1 and 65535 (got "${raw}").`);
  }
  return port;
}
