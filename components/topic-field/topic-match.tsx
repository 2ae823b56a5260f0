// The note under the topic field that says whether the member joins an existing topic (in any
// case) or starts a new one.
import type { ReactNode } from "react";

export interface TopicMatchInput {
  /** The server's suggestions for exactly this text (none yet: no note). */
  answer: string[] | undefined;
  /** The normalised text typed. */
  query: string;
}

export function topicMatchNote({ answer, query }: TopicMatchInput): ReactNode {
  if (!answer || query.length < 2) return null;
  const key = query.toLowerCase();
  const existing = answer.find((t) => t.toLowerCase() === key);
  if (!existing) {
    return (
      <>
        A new topic: <span className="font-medium text-ink">{query}</span>.
      </>
    );
  }
  if (existing === query) return <>Existing topic.</>;
  return (
    <>
      Joins the existing topic <span className="font-medium text-ink">{existing}</span>.
    </>
  );
}
