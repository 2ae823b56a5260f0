"use client";

// The topic field's suggestions: existing topic names matching what is typed, from GET
// /api/topics through TanStack Query (answers cached across forms, the previous list kept while
// the next loads).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDebouncedValue } from "@/components/use-debounced-value";

const DEBOUNCE_MS = 150;

export function normaliseTopic(value: string): string {
  return value.trim().replace(/\s+/g, " ");
}

/** Topic names matching `key`; offline or refused, none (the field still takes any topic typed). */
async function fetchTopicNames(key: string, signal: AbortSignal): Promise<string[]> {
  const response = await fetch(`/api/topics?q=${encodeURIComponent(key)}`, { signal });
  if (!response.ok) return [];
  const body = (await response.json()) as { topics?: unknown };
  return Array.isArray(body.topics) ? body.topics.filter((t): t is string => typeof t === "string") : [];
}

export interface TopicSuggestions {
  /** The server's answer for exactly this `key`, once it is in. */
  answer: string[] | undefined;
  /** What to list: the answer, or until then the last list narrowed to what still matches. */
  topics: string[];
}

/** Suggestions for `key` (the lower-cased, normalised text), asked for after a short pause. */
export function useTopicSuggestions(key: string): TopicSuggestions {
  const askedKey = useDebouncedValue(key, DEBOUNCE_MS);
  const suggestions = useQuery({
    queryKey: ["topic-suggestions", askedKey],
    queryFn: ({ signal }) => fetchTopicNames(askedKey, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const answer =
    suggestions.data !== undefined && !suggestions.isPlaceholderData && askedKey === key ? suggestions.data : undefined;
  const topics = answer ?? (suggestions.data ?? []).filter((topic) => topic.toLowerCase().includes(key));
  return { answer, topics };
}
