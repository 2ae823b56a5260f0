// One signed POST to the realtime server's events API (Pusher's HTTP API, which soketi serves too). The pusher SDK
// signs it; Node's http(s) sends it on our keep-alive agent, since the SDK's own transport (node-fetch with an
// AbortController per request) cost about twice the CPU of the request itself (README, "Measured choices").
import "server-only";
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type Pusher from "pusher";
import type { ServerRealtimeConfig } from "./config";

/** A non-2xx answer: `status` is what lib/observability/realtime-trigger.ts labels "http_error". */
export class RealtimeHttpError extends Error {
  override name = "RealtimeHttpError";
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`the realtime server answered ${status}: ${body.slice(0, 200)}`);
  }
}

/** Posts a request body (JSON) to the events API; resolves with the answer's body. */
export type EventsEndpoint = (body: string) => Promise<string>;

const TIMEOUT_MS = 5_000;

function readAll(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    response.once("error", reject);
  });
}

/** Every message is a trigger: connections are kept alive where the server allows (our soketi does: see README). */
export function keepAliveAgent(config: ServerRealtimeConfig): HttpAgent {
  // Explicit, as Node's agent defaults change; idle sockets close before a server's timeout could close one in use.
  const options = { keepAlive: true, timeout: 4_000, scheduling: "lifo" } as const;
  return config.useTLS ? new HttpsAgent(options) : new HttpAgent(options);
}

/** Where `config` sends events: a self-hosted server's host and port, or Pusher Channels' cluster API. */
export function eventsEndpoint(config: ServerRealtimeConfig, signer: Pusher, agent: HttpAgent): EventsEndpoint {
  const send = config.useTLS ? httpsRequest : httpRequest;
  const host = config.host ?? `api-${config.cluster ?? "mt1"}.pusher.com`;
  const port = config.port ? Number(config.port) : undefined;
  const path = `/apps/${config.appId}/events`;
  return (body) =>
    new Promise((resolve, reject) => {
      const query = signer.createSignedQueryString({ method: "POST", path, body });
      const outgoing = send(
        {
          host,
          port,
          method: "POST",
          path: `${path}?${query}`,
          agent,
          timeout: TIMEOUT_MS,
          headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
        },
        (response) => {
          readAll(response).then((text) => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve(text);
            else reject(new RealtimeHttpError(status, text));
          }, reject);
        },
      );
      outgoing.once("timeout", () => outgoing.destroy(new Error(`no answer from ${host} in ${TIMEOUT_MS} ms`)));
      outgoing.once("error", reject);
      outgoing.end(body);
    });
}
