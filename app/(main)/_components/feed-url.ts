// The home feed's state lives in its URL (?q, ?topic, ?sort, ?cursor, ?limit), so every view can
// be shared and the back button works. This reads it (with the same zod schema as GET /api/rooms)
// and writes links to neighbouring states, leaving defaults out so URLs stay short.
import type { RoomTotal } from "@/lib/db/rooms";
import { PAGE_SIZE, roomSearchSchema, type RoomSort } from "@/lib/validation/rooms";
import { storableText } from "@/lib/validation/text";

export interface FeedState {
  q: string;
  topic?: string;
  sort: RoomSort;
  cursor?: string;
  limit: number;
}

export interface FeedParams extends FeedState {
  /** Set when `q` was refused (too long, or characters we can't store): the feed shows this instead of results. */
  qError?: string;
}

type RawSearchParams = Record<string, string | string[] | undefined>;

export function readFeedParams(raw: RawSearchParams): FeedParams {
  const parsed = roomSearchSchema.safeParse(raw);
  if (parsed.success) return parsed.data;

  // Only q and topic can fail (too long, or unstorable text); read the rest without them. What is echoed back has
  // its unstorable characters replaced, so an unknown topic is looked up, and named, safely.
  const qIssue = parsed.error.issues.find((issue) => issue.path[0] === "q");
  const rest = roomSearchSchema.safeParse({ ...raw, q: undefined, topic: undefined });
  const base: FeedState = rest.success ? rest.data : { q: "", sort: "active", limit: PAGE_SIZE };
  const rawTopic = storableText((Array.isArray(raw.topic) ? raw.topic[0] : raw.topic) ?? "") || undefined;
  const topicFailed = parsed.error.issues.some((issue) => issue.path[0] === "topic");
  const topic = topicFailed ? rawTopic?.trim().toLowerCase() : roomSearchSchema.shape.topic.safeParse(raw.topic).data;
  if (qIssue) {
    const rawQ = Array.isArray(raw.q) ? raw.q[0] : raw.q;
    return { ...base, topic, q: storableText(rawQ ?? "").trim(), qError: qIssue.message };
  }
  return { ...base, topic, q: roomSearchSchema.shape.q.safeParse(raw.q).data ?? "" };
}

/** A link to the feed in this state; cursor only when given (changing anything else starts over). */
export function feedHref({ q, topic, sort, cursor, limit }: Partial<FeedState>): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (topic) params.set("topic", topic);
  if (sort && sort !== "active") params.set("sort", sort);
  if (limit && limit !== PAGE_SIZE) params.set("limit", String(limit));
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

/**
 * The feed's "N rooms" line: "1 room", "1,234 rooms in Rust", "12 rooms matching “x”". A search
 * stops counting at ROOM_COUNT_CAP, shown as "1,000+ rooms".
 */
export function countLabel({ total, capped }: RoomTotal, feed: Pick<FeedState, "q">, topicName?: string): string {
  let label = `${total.toLocaleString("en-US")}${capped ? "+" : ""} ${total === 1 && !capped ? "room" : "rooms"}`;
  if (feed.q) label += ` matching “${feed.q}”`;
  if (topicName) label += ` in ${topicName}`;
  return label;
}
