"use client";
// The browser side of message search: asks a search route (a room's, or every room's) for a page, keeps the last
// answer, appends older pages ("newest" sort), and turns a refusal (400, 404, 429) into the message its body carries.
// A newer search aborts the one in flight, so a slow answer never replaces a later one.
import { useCallback, useRef, useState } from "react";
import type { MessageSearchAnswer } from "@/lib/validation/message-search";

export interface MessageSearchInput {
  q: string;
  author?: string;
  from?: string;
  to?: string;
  sort?: "relevance" | "newest";
}

export interface MessageSearchState {
  status: "idle" | "loading" | "done" | "error";
  answer: MessageSearchAnswer | null;
  error: string | null;
  /** An older page is on its way (the list stays). */
  loadingMore: boolean;
}

const IDLE: MessageSearchState = { status: "idle", answer: null, error: null, loadingMore: false };

function urlOf(endpoint: string, input: MessageSearchInput, before?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) if (value) params.set(key, value);
  if (before) params.set("before", String(before));
  return `${endpoint}?${params.toString()}`;
}

async function fetchAnswer(url: string, signal: AbortSignal): Promise<MessageSearchAnswer> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as
    (MessageSearchAnswer & { error?: { message?: string } }) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? "Search is not available right now. Try again.");
  return body;
}

export function useMessageSearch(endpoint: string) {
  const [state, setState] = useState<MessageSearchState>(IDLE);
  const last = useRef<MessageSearchInput | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(
    async (input: MessageSearchInput, before?: number) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      last.current = input;
      setState((s) => (before ? { ...s, loadingMore: true } : { ...IDLE, status: "loading", answer: null }));
      try {
        const answer = await fetchAnswer(urlOf(endpoint, input, before), controller.signal);
        setState((s) => ({
          status: "done",
          error: null,
          loadingMore: false,
          answer: before && s.answer ? { ...answer, results: [...s.answer.results, ...answer.results] } : answer,
        }));
      } catch (error) {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setState((s) => ({ ...s, status: "error", error: message, loadingMore: false }));
      }
    },
    [endpoint],
  );

  const search = useCallback(
    (input: MessageSearchInput) => {
      if (!input.q.trim()) {
        // An empty search searches nothing: clear the list instead of asking the server.
        inFlight.current?.abort();
        setState(IDLE);
        return;
      }
      void load(input);
    },
    [load],
  );

  const more = useCallback(() => {
    const cursor = state.answer?.nextCursor;
    if (last.current && cursor) void load(last.current, cursor);
  }, [load, state.answer?.nextCursor]);

  return { ...state, search, more };
}
