// Checks at start-up that Redis answers (and takes our password) before soketi starts: soketi's
// Redis client retries forever in silence, so a wrong REDIS_URL would look like a working node.
import net from "node:net";
import tls from "node:tls";
import { StackError } from "./ports";
import type { RedisSettings } from "./soketi-config";

/** A command in Redis's wire format (RESP): safe for passwords with spaces or newlines. */
function command(...parts: string[]): string {
  return `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join("")}`;
}

/** Sends AUTH (if a password is set), SELECT and PING; resolves once Redis has answered PONG. */
export async function assertRedisAnswers(
  redis: RedisSettings,
  variable = "REDIS_URL",
  timeoutMs = 3_000,
): Promise<void> {
  const where = `${redis.host}:${redis.port}`;
  const commands = [
    ...(redis.password
      ? [redis.username ? command("AUTH", redis.username, redis.password) : command("AUTH", redis.password)]
      : []),
    ...(redis.db ? [command("SELECT", String(redis.db))] : []),
    command("PING"),
  ];
  const replies = await new Promise<string[]>((resolve, reject) => {
    const socket = redis.tls
      ? tls.connect({ host: redis.host, port: redis.port, servername: redis.host })
      : net.connect({ host: redis.host, port: redis.port });
    const done = (error?: Error, lines?: string[]) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(lines ?? []);
    };
    const timer = setTimeout(
      () =>
        done(
          new StackError(
            `Redis at ${where} (${variable}) did not answer within ${timeoutMs / 1000} s. Check the host and port, and that it is Redis.`,
          ),
        ),
      timeoutMs,
    );
    let received = "";
    socket.once(redis.tls ? "secureConnect" : "connect", () => socket.write(commands.join("")));
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("utf8");
      // Every reply to these commands is one line: +OK, +PONG or -ERROR ….
      const lines = received.split("\r\n").slice(0, -1);
      if (lines.length >= commands.length || lines.some((l) => l.startsWith("-"))) done(undefined, lines);
    });
    socket.once("error", (error: NodeJS.ErrnoException) =>
      done(
        new StackError(
          `Cannot reach Redis at ${where} (${variable}): ${error.code ?? error.message}. Start Redis there or correct ${variable}.`,
        ),
      ),
    );
    socket.once("close", () =>
      done(new StackError(`Redis at ${where} (${variable}) closed the connection without answering.`)),
    );
  });
  const refusal = replies.find((line) => line.startsWith("-"));
  if (refusal)
    throw new StackError(`Redis at ${where} (${variable}) refused us: ${refusal.slice(1).replace(/[.?!]?$/, ".")}`);
  if (replies.at(-1) !== "+PONG") {
    throw new StackError(`Something at ${where} (${variable}) answered, but not as Redis does. Check the port.`);
  }
}
