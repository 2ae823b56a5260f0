// Routes scripts/serve.ts answers before Next's router: the message send and the reaction, since every live message
// and reaction is one such request, and Next's own handling of a request (routing, proxy.ts, the route module's
// request and response objects) cost more CPU than the work itself (README, "Measured choices"). The routes' rules
// are not here: they are the same lib/chat/send-reply.ts and reaction-reply.ts as the route handlers under
// app/api/rooms/[slug]/messages/, which `next dev` still serves.
// Registered from instrumentation.ts, so this code is compiled by Next with the rest of the server.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionTokenFromCookieHeader, claimsFromToken, type SessionClaims } from "../auth/session-cookie";
import { sessionUserFor } from "../auth/session";
import { bodyTooLarge, MAX_BODY_BYTES } from "../chat/http";
import { answerReaction } from "../chat/reaction-reply";
import { answerSend, type SendReply } from "../chat/send-reply";
import { AppError, errorReply, forbidden, type JsonReply } from "../errors";
import { withRequestId } from "../observability/request-context";
import { REQUEST_ID_HEADER, requestIdFor } from "../observability/request-id";
import { reportRequest } from "../observability/request-report";
import { CROSS_SITE_MESSAGE, isCrossSiteWrite } from "../security/cross-site";
import { DIRECT_ROUTES_KEY, type DirectRoutes } from "./direct-routes-key";

/** What a direct route answers a request with, given the session cookie's claims (being decrypted) and the body. */
type Answer = (request: IncomingMessage, claims: Promise<SessionClaims | null>, text: string) => Promise<SendReply>;

interface DirectRoute {
  /** As the request metrics name it. */
  route: string;
  /** Captures the path's parameters, URL-encoded. */
  path: RegExp;
  answer: (params: string[]) => Answer;
}

const ROUTES: DirectRoute[] = [
  {
    route: "/api/rooms/[slug]/messages",
    path: /^\/api\/rooms\/([^/?#]+)\/messages(?:\?[^#]*)?$/,
    answer:
      ([slug = ""]) =>
      (request, claims, text) =>
        answerSend({
          // The send statement checks the device session itself, in the same round trip.
          actor: claims.then((found) => ({ claims: found })),
          slug,
          text,
          contentType: request.headers["content-type"],
          socketIdHeader: header(request, "x-socket-id"),
        }),
  },
  {
    route: "/api/rooms/[slug]/messages/[id]/reactions",
    path: /^\/api\/rooms\/([^/?#]+)\/messages\/([^/?#]+)\/reactions(?:\?[^#]*)?$/,
    answer:
      ([slug = "", messageId = ""]) =>
      (request, claims, text) =>
        answerReaction({
          actor: claims.then(sessionUserFor),
          slug,
          messageId,
          text,
          contentType: request.headers["content-type"],
        }),
  },
];

const pending = new Set<Promise<unknown>>();

/** The route and its decoded parameters, or undefined for a path none matches (or one no room can have). */
function match(url: string | undefined): { route: DirectRoute; params: string[] } | undefined {
  if (!url) return undefined;
  for (const route of ROUTES) {
    const found = route.path.exec(url);
    if (!found) continue;
    try {
      return { route, params: found.slice(1).map((part) => decodeURIComponent(part ?? "")) };
    } catch {
      // Not a slug any room has: Next answers it as it would.
      return undefined;
    }
  }
  return undefined;
}

/** The body as text, refused (413) as soon as it passes the cap rather than after reading it whole. */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners("data");
        request.resume();
        reject(bodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.once("error", reject);
  });
}

function send(response: ServerResponse, reply: JsonReply): void {
  const json = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    ...reply.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(json),
  });
  response.end(json);
}

async function serve(request: IncomingMessage, response: ServerResponse, answer: Answer): Promise<void> {
  try {
    // What proxy.ts refuses for the routes Next serves.
    if (isCrossSiteWrite(request.method, (name) => header(request, name))) {
      response.shouldKeepAlive = false;
      throw forbidden("origin", CROSS_SITE_MESSAGE);
    }
    const token = sessionTokenFromCookieHeader(request.headers.cookie);
    // Started now: the cookie is decrypted while the body arrives.
    const claims = claimsFromToken(token);
    const text = await readBody(request).catch((error: unknown) => {
      claims.catch(() => undefined);
      throw error;
    });
    const reply = await answer(request, claims, text);
    if (reply.delivered) {
      track(reply.delivered);
      // The room hears first: Node's agent gives the trigger its socket on a later tick, so answering at once would
      // put this answer's serialising and writing ahead of every reader's delivery.
      await new Promise((resolve) => setImmediate(resolve));
    }
    send(response, reply);
  } catch (error) {
    if (error instanceof AppError && error.status === 413) response.shouldKeepAlive = false;
    if (!response.headersSent) send(response, errorReply(error));
    else response.destroy();
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function track(work: Promise<unknown>): void {
  const settled = work.catch(() => undefined).finally(() => pending.delete(settled));
  pending.add(settled);
}

function handle(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "POST") return false;
  const found = match(request.url);
  if (!found) return false;
  const started = performance.now();
  const id = requestIdFor(header(request, REQUEST_ID_HEADER));
  response.setHeader(REQUEST_ID_HEADER, id);
  response.once("close", () =>
    withRequestId(id, () =>
      reportRequest(
        {
          method: "POST",
          route: found.route.route,
          status: response.statusCode,
          durationSeconds: (performance.now() - started) / 1000,
          target: request.url ?? "",
        },
        false,
      ),
    ),
  );
  void withRequestId(id, () => serve(request, response, found.route.answer(found.params)));
  return true;
}

async function settled(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}

/** Makes the routes available to scripts/serve.ts (called once from instrumentation.ts). */
export function registerDirectRoutes(): void {
  (globalThis as Record<symbol, DirectRoutes | undefined>)[DIRECT_ROUTES_KEY] = { handle, settled };
}
