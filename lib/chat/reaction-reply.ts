// POST /api/rooms/<slug>/messages/<id>/reactions as data, written once for both places that serve it: Next's route
// handler (`next dev`) and, in production, scripts/serve.ts before Next's router (lib/server/direct-routes.ts): a
// reaction is as frequent as a message, and Next's own handling of a request costs more than the reaction.
import "server-only";
import { errorReply } from "../errors";
import type { ChatActor } from "./actor";
import { parseJsonBody } from "./http";
import { changeReactionAs } from "./reactions";
import type { SendReply } from "./send-reply";

const REPLY_HEADERS = { "Cache-Control": "no-store, no-transform" };

export async function answerReaction({
  actor,
  slug,
  messageId,
  text,
  contentType,
}: {
  /** A promise, so that the body is read while the session is checked. */
  actor: Promise<ChatActor | null>;
  slug: string;
  messageId: string;
  text: string;
  contentType: string | null | undefined;
}): Promise<SendReply> {
  try {
    const input = parseJsonBody(text, contentType);
    const { result, delivered } = await changeReactionAs({ actor: await actor, slug, messageId, input });
    return { status: 200, body: result, headers: REPLY_HEADERS, delivered };
  } catch (error) {
    actor.catch(() => undefined);
    return errorReply(error);
  }
}
