// POST /api/rooms/<slug>/messages as data, written once for both places that serve it: Next's route handler
// (`next dev`, and any server that reaches Next's router) and, in production, scripts/serve.ts before Next's router
// (lib/server/direct-routes.ts), which saves Next's per-request cost on the one request every live message makes.
import "server-only";
import { errorReply, type JsonReply } from "../errors";
import { parseJsonBody, socketIdOf } from "./http";
import { sendMessage, type Sender } from "./messages";

export interface SendReply extends JsonReply {
  /** The realtime trigger of a stored message, already sent: the server keeps running until it settles. */
  delivered?: Promise<boolean>;
}

// One message is a few hundred bytes: gzipping it costs the server more than it saves (a zlib stream per reply), so
// the reply asks not to be transformed.
const SENT_HEADERS = { "Cache-Control": "no-store, no-transform" };

export async function answerSend({
  actor,
  slug,
  text,
  contentType,
  socketIdHeader,
}: {
  /** A promise, so that the body is read while the cookie is decrypted: the session's claims (checked by the send
   * statement), or a caller already checked. */
  actor: Promise<Sender>;
  slug: string;
  text: string;
  contentType: string | null | undefined;
  socketIdHeader: string | null | undefined;
}): Promise<SendReply> {
  try {
    const input = parseJsonBody(text, contentType);
    const result = await sendMessage({ actor, slug, input, socketId: socketIdOf(socketIdHeader, input) });
    return {
      status: result.created ? 201 : 200,
      body: result.message,
      headers: SENT_HEADERS,
      delivered: result.delivered,
    };
  } catch (error) {
    actor.catch(() => undefined);
    return errorReply(error);
  }
}
