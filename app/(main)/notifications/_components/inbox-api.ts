// The inbox page's requests: a page of entries (GET /api/me/notifications) and marking entries read (POST
// /api/me/notifications/read). Both throw an Error with the server's message when refused.
import type { InboxPage } from "@/lib/notifications/inbox";

export type { InboxItem, InboxPage } from "@/lib/notifications/inbox";

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!response.ok) throw new Error(body.error?.message ?? "Something went wrong. Please try again.");
  return body;
}

export async function fetchInboxPage(before: number | null): Promise<InboxPage> {
  const query = before === null ? "" : `?before=${before}`;
  return answer<InboxPage>(await fetch(`/api/me/notifications${query}`, { credentials: "same-origin" }));
}

/** `keepalive`: the request outlives a navigation (an entry's link marks it read as it opens the message). */
export async function postRead(input: { ids: number[] } | { all: true; upTo?: number }): Promise<{ unread: number }> {
  const response = await fetch("/api/me/notifications/read", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(input),
    credentials: "same-origin",
    keepalive: true,
  });
  return answer<{ unread: number }>(response);
}
