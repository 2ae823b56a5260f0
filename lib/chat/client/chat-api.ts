// The browser's calls to the chat API (app/api/rooms/<slug>/…). Answers are parsed with the wire
// schemas, and refusals become a ChatApiError carrying the API's code, message and Retry-After,
// so the UI can say exactly what went wrong.
import { z } from "zod";
import {
  chatMessageSchema,
  historyPageSchema,
  reactionGroupSchema,
  readStateSchema,
  type ChatMessage,
  type HistoryPage,
  type ReadState,
} from "../message-payload";
import { personSchema } from "../../presence/members";
import { mentionCandidatesSchema, type MentionCandidate } from "../../validation/mentions";
import type { SendFailure } from "./message-store";

export class ChatApiError extends Error {
  override name = "ChatApiError";
  constructor(
    /** 0 when the request never got an answer (offline, server down). */
    readonly status: number,
    /** The API's typed code, e.g. "rate_limited:message_post", "forbidden:unverified"; "network" when unreachable. */
    readonly code: string,
    message: string,
    /** Seconds to wait, from Retry-After (429s). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export const isRoomGone = (error: unknown): boolean => error instanceof ChatApiError && error.code === "not_found:room";

export const isMessageGone = (error: unknown): boolean =>
  error instanceof ChatApiError && error.code === "not_found:message";

/** The API's own words for a refusal, or `fallback` for anything else (a bug, a thrown non-API error). */
export const errorMessageOf = (error: unknown, fallback: string): string =>
  error instanceof ChatApiError ? error.message : fallback;

/** What a failed send means for the page, beyond the bubble's own failure. */
export interface SendErrorOutcome {
  /** Stored by an earlier attempt and deleted since: the bubble goes, nothing is left to send. */
  discard: boolean;
  failure: SendFailure;
  /** Said above the composer too (a lost session, a missing room). */
  composerError: string | null;
  /** A 429: how long sending waits, in ms. */
  rateLimitedFor: number | null;
  /** A 403 (locked, muted, banned meanwhile): said in place of the composer, in the API's words. */
  refusal: { code: string; message: string } | null;
  roomGone: boolean;
}

function sendFailureOf(error: ChatApiError): { failure: SendFailure; composerError: string | null } {
  const rejected = (message: string, composerError: string | null = null) => ({
    failure: { kind: "rejected" as const, message },
    composerError,
  });
  if (error.isNetwork) {
    return {
      failure: { kind: "network", message: "No connection. It will be sent when you reconnect." },
      composerError: null,
    };
  }
  if (error.status === 429)
    return { failure: { kind: "rate_limited", message: "Sent too fast." }, composerError: null };
  if (error.status === 401) {
    const message = "Your session has ended. Sign in again to post.";
    return rejected(message, message);
  }
  if (error.status === 404) return rejected(error.message, error.message);
  // A database outage says so (its message is ours, written for people); any other 5xx stays vague.
  if (error.code === "unavailable:database") return rejected(error.message);
  if (error.status >= 500) return rejected("The server had a problem. Try again.");
  return rejected(error.message);
}

/** The one place where a send's HTTP refusal becomes words and consequences. */
export function sendErrorOutcome(error: unknown): SendErrorOutcome {
  if (!(error instanceof ChatApiError)) {
    return {
      discard: false,
      failure: { kind: "rejected", message: "Something went wrong. Try again." },
      composerError: null,
      rateLimitedFor: null,
      refusal: null,
      roomGone: false,
    };
  }
  return {
    discard: error.code === "gone:message",
    ...sendFailureOf(error),
    rateLimitedFor: error.status === 429 ? (error.retryAfter ?? 10) * 1000 : null,
    refusal: error.status === 403 ? { code: error.code, message: error.message } : null,
    roomGone: isRoomGone(error),
  };
}

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const NETWORK_MESSAGE = "Could not reach Roomful. Check your connection.";
export const UNEXPECTED_ANSWER = "The server sent something unexpected. Please reload the page.";

/** One call to the API, its answer parsed with `schema`; a refusal becomes a ChatApiError. */
export async function request<T>(url: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new ChatApiError(0, "network", NETWORK_MESSAGE);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    const retryAfter = Number(response.headers.get("Retry-After"));
    throw new ChatApiError(
      response.status,
      parsed.success ? parsed.data.error.code : `http_${response.status}`,
      parsed.success ? parsed.data.error.message : `The server answered ${response.status}. Please try again.`,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ChatApiError(response.status, "invalid_response", UNEXPECTED_ANSWER);
  return parsed.data;
}

const messagesUrl = (slug: string) => `/api/rooms/${encodeURIComponent(slug)}/messages`;

function jsonInit(method: string, body: unknown, socketId?: string | null): RequestInit {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  // The server leaves this socket out of the fan-out: this tab already has the message.
  if (socketId) headers["X-Socket-Id"] = socketId;
  return { method, headers, body: JSON.stringify(body) };
}

export type HistoryCursor =
  { before: number } | { after: number; changedSince?: string } | { around: number } | Record<string, never>;

/**
 * A page of history, ascending by id: latest (no cursor), older (before), catch-up or newer (after), a window centred
 * on one message (around), or the messages after `after` edited or deleted since `changedSince` (a server time).
 */
export function fetchHistory(slug: string, cursor: HistoryCursor, limit = 50): Promise<HistoryPage> {
  const params = new URLSearchParams({ limit: String(limit) });
  if ("before" in cursor) params.set("before", String(cursor.before));
  if ("after" in cursor) params.set("after", String(cursor.after));
  if ("around" in cursor) params.set("around", String(cursor.around));
  if ("changedSince" in cursor && cursor.changedSince) params.set("changedSince", cursor.changedSince);
  return request(`${messagesUrl(slug)}?${params.toString()}`, { method: "GET" }, historyPageSchema);
}

/** Sends a message; a retry with the same clientKey answers with the first one, never a second. */
export function postMessage(
  slug: string,
  input: { body: string; clientKey: string; replyTo?: number | null; question?: true },
  socketId?: string | null,
): Promise<ChatMessage> {
  return request(messagesUrl(slug), jsonInit("POST", input, socketId), chatMessageSchema);
}

export function patchMessage(slug: string, id: number, body: string, socketId?: string | null): Promise<ChatMessage> {
  return request(`${messagesUrl(slug)}/${id}`, jsonInit("PATCH", { body }, socketId), chatMessageSchema);
}

export function deleteMessage(slug: string, id: number): Promise<{ id: number }> {
  return request(`${messagesUrl(slug)}/${id}`, { method: "DELETE" }, z.object({ id: z.number() }));
}

const reactionResultSchema = z.object({
  messageId: z.number(),
  reaction: reactionGroupSchema.extend({ mine: z.boolean() }),
  version: z.number(),
});

/** Reacts with `emoji` (on) or takes the reaction back; answers the emoji's summary afterwards (count 0: none left). */
export function postReaction(slug: string, id: number, emoji: string, on: boolean) {
  return request(`${messagesUrl(slug)}/${id}/reactions`, jsonInit("POST", { emoji, on }), reactionResultSchema);
}

const reactionListSchema = z.object({ messageId: z.number(), reactions: z.array(reactionGroupSchema) });

/** Every kind of reaction on a message, naming the earliest reactors (history pages carry counts only). */
export function fetchReactions(slug: string, id: number) {
  return request(`${messagesUrl(slug)}/${id}/reactions`, { method: "GET" }, reactionListSchema);
}

/** Marks the room read up to `messageId` (the latest when omitted). */
export function markRead(slug: string, messageId?: number | null): Promise<ReadState> {
  return request(
    `/api/rooms/${encodeURIComponent(slug)}/read`,
    jsonInit("POST", messageId ? { messageId } : {}),
    readStateSchema,
  );
}

const roomOnlineSchema = z.object({
  online: z.number().int().nonnegative(),
  people: z.array(personSchema).max(200),
});

/** The room's online count and up to 100 faces (for a member the full presence channel turned away). */
export function fetchRoomOnline(slug: string): Promise<z.infer<typeof roomOnlineSchema>> {
  return request(`/api/rooms/${encodeURIComponent(slug)}/online`, { method: "GET" }, roomOnlineSchema);
}

const reportedSchema = z.object({ messageIds: z.array(z.number().int().positive()).max(1000) });

/** The ids of the room's messages the signed-in member reported: their Report tool says "Reported". */
export async function fetchReportedMessageIds(slug: string, signal?: AbortSignal): Promise<number[]> {
  const url = `/api/rooms/${encodeURIComponent(slug)}/reports`;
  return (await request(url, { method: "GET", signal }, reportedSchema)).messageIds;
}

/** Whom to suggest after an `@` typed as `q` (lower-case username characters); `signal` drops a stale ask. */
export async function fetchMentionCandidates(
  slug: string,
  q: string,
  signal?: AbortSignal,
): Promise<MentionCandidate[]> {
  const url = `/api/rooms/${encodeURIComponent(slug)}/mention-candidates?q=${encodeURIComponent(q)}`;
  return (await request(url, { method: "GET", signal }, mentionCandidatesSchema)).candidates;
}

/** A UUID v4 for the idempotency key; crypto.randomUUID exists only on secure origins. */
export function newClientKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
