// A message search's answer as a list, for the search page and the room's panel: the notice when nothing could be
// searched (only stop words, an unknown author), "no messages match" when nothing did, else the results.
import { FormAlert } from "@/components/ui/form-alert";
import type { MessageSearchAnswer } from "@/lib/validation/message-search";
import { MessageResult } from "./message-result";

export interface MessageResultsProps {
  answer: MessageSearchAnswer;
  /** The words searched, for the empty state. */
  q: string;
  showRoom?: boolean;
  onOpen?: (messageId: number) => void;
}

export function MessageResults({ answer, q, showRoom = false, onOpen }: MessageResultsProps) {
  if (answer.notice) {
    return (
      <FormAlert tone="info" announce="status" className="mx-1 my-2">
        <span data-testid="message-search-notice">{answer.notice}</span>
      </FormAlert>
    );
  }
  if (answer.results.length === 0) {
    return (
      <p role="status" data-testid="message-search-empty" className="px-3 py-6 text-center text-sm text-ink-muted">
        No messages match “{q}”. Try other words, or fewer filters.
      </p>
    );
  }
  return (
    <ul aria-label="Search results" data-testid="message-search-results" className="flex flex-col gap-0.5">
      {answer.results.map((result) => (
        <MessageResult key={result.id} result={result} terms={answer.terms} showRoom={showRoom} onOpen={onOpen} />
      ))}
    </ul>
  );
}
