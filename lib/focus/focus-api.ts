// The browser's calls to /api/rooms/<slug>/focus/**, as outcomes rather than throws: the shared request
// (lib/chat/client/chat-api.ts) turns an answer into the error's code and message from its JSON body. Browser-safe.
import { z } from "zod";
import { ChatApiError, request, UNEXPECTED_ANSWER } from "../chat/client/chat-api";
import { focusSelfSchema, focusStateSchema, type FocusSelf, type FocusState } from "../realtime/event-schemas";

export type FocusOutcome<T> = { ok: true; value: T; serverNow?: number } | { ok: false; code: string; message: string };

const answerSchema = z.object({ serverNow: z.number().optional() }).loose().nullable();

async function call(slug: string, path: string, method: string, body?: unknown): Promise<FocusOutcome<unknown>> {
  const init: RequestInit = {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
  try {
    const json = await request(`/api/rooms/${encodeURIComponent(slug)}/focus${path}`, init, answerSchema);
    return { ok: true, value: json, serverNow: json?.serverNow };
  } catch (error) {
    if (error instanceof ChatApiError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

/** GET: the state and the clock offset (serverNow against this browser's clock at the answer's midpoint). */
export async function loadFocusState(slug: string): Promise<{ state: FocusState; offset: number } | null> {
  const sent = Date.now();
  const outcome = await call(slug, "", "GET");
  if (!outcome.ok) return null;
  const parsed = focusStateSchema.safeParse(outcome.value);
  if (!parsed.success) return null;
  return { state: parsed.data, offset: parsed.data.serverNow - (sent + Date.now()) / 2 };
}

const withSelf = (outcome: FocusOutcome<unknown>): FocusOutcome<FocusSelf | null> => {
  if (!outcome.ok) return outcome;
  const me = focusSelfSchema.nullable().safeParse((outcome.value as { me?: unknown } | null)?.me ?? null);
  return me.success
    ? { ok: true, value: me.data }
    : { ok: false, code: "invalid_response", message: UNEXPECTED_ANSWER };
};

export const startFocus = (slug: string, body: { focusSeconds: number; breakSeconds: number; rounds: number }) =>
  call(slug, "", "POST", body);
export const stopFocus = (slug: string) => call(slug, "", "DELETE");
export const joinFocus = async (slug: string, body: { goal: string; holdMessages: boolean }) =>
  withSelf(await call(slug, "/membership", "POST", body));
export const leaveFocus = async (slug: string) => withSelf(await call(slug, "/membership", "DELETE"));
export const setFocusHold = async (slug: string, holdMessages: boolean) =>
  withSelf(await call(slug, "/membership", "PATCH", { holdMessages }));
export const markFocusGoal = async (slug: string, sessionId: string, done: boolean) =>
  withSelf(await call(slug, "/goal", "PUT", { sessionId, done }));
