"use client";
// Whether the member reported this message, from the room's list of their reports (asked once per page, shared by
// every message), so the Report tool still says "Reported" after a reload; a report made here is added at once.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { fetchReportedMessageIds } from "@/lib/chat/client/chat-api";

const keyOf = (slug: string | undefined) => ["reported-messages", slug] as const;

export function useReported(
  slug: string | undefined,
  messageId: number,
): [reported: boolean, markReported: () => void] {
  const client = useQueryClient();
  const reported = useQuery({
    queryKey: keyOf(slug),
    queryFn: ({ signal }) => fetchReportedMessageIds(slug ?? "", signal),
    // Only for signed-in members on others' messages (the Report tool's condition).
    enabled: slug !== undefined,
    staleTime: Infinity,
    // Not knowing only means the tool offers Report again; a second report is refused as "already reported".
    retry: false,
    select: (ids) => ids.includes(messageId),
  });
  const markReported = useCallback(() => {
    client.setQueryData<number[]>(keyOf(slug), (ids = []) => (ids.includes(messageId) ? ids : [messageId, ...ids]));
  }, [client, slug, messageId]);
  return [reported.data ?? false, markReported];
}
