"use client";
// The text box itself, for a member who may post: Enter sends, Shift+Enter adds a line (never
// while an input method composes); the textarea grows up to a limit. Empty or whitespace-only
// text cannot be sent, a counter appears near the limit, and while the server asks us to slow
// down (429) or the room's slow mode has the viewer wait, sending waits with the draft kept. While replying, the reply
// bar sits above the box, which takes the focus; Escape cancels the reply. `@` suggests people (./mentions/), whose
// list takes Enter, Tab and the first Escape while it is open.
import { useEffect, useId, useRef, useState } from "react";
import { useTypingNotifier } from "@/components/presence/use-typing-notifier";
import type { ConnectionStatus } from "@/components/realtime/connection-status";
import { CloseIcon, SendIcon } from "@/components/ui/icons";
import type { ReplyQuote } from "@/lib/chat/message-payload";
import { COMPOSER_SHELL } from "./composer-notices";
import { useMentions } from "./mentions/use-mentions";
import { ComposerReply } from "./composer-reply";
import { SlowModeLine, type ComposerSlowMode } from "./composer-slow-mode";
import { composerNotice, NOTICE_TONE_CLASSES, SPOKEN_NOTICE } from "./draft-notice";
import { CharacterCounter, draftProblem, isSubmitKey, useAutosize } from "./text-entry";
import { useSecondsLeft } from "./use-seconds-left";

export interface PostingComposerProps {
  roomId: string;
  /** For the mention suggestions' requests. */
  slug: string;
  /** The member posting: their typing goes on the room's presence channel. */
  viewerId: string | null;
  roomName: string;
  status: ConnectionStatus;
  /** Epoch ms until which the server refuses more messages (429), or null. */
  rateLimitedUntil: number | null;
  onRateLimitOver: () => void;
  /** A refusal worth saying next to the box (403, 404, a lost session). */
  error: string | null;
  onDismissError: () => void;
  /** `question`: the member pressed "Ask", so the message is stored as a question. */
  onSend: (body: string, options?: { question?: boolean }) => void;
  /** The room's slow mode; null or a wait of 0 when off. */
  slowMode?: ComposerSlowMode | null;
  /** The message the next send replies to (chosen with a message's Reply), and how to cancel it. */
  reply?: { quote: ReplyQuote | null; cancel: () => void };
}

const noop = () => undefined;

export function PostingComposer({
  roomId,
  slug,
  viewerId,
  roomName,
  status,
  rateLimitedUntil,
  onRateLimitOver,
  error,
  onDismissError,
  onSend,
  slowMode = null,
  reply,
}: PostingComposerProps) {
  const [draft, setDraft] = useState("");
  const [asking, setAsking] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const notifyTyping = useTypingNotifier(roomId, viewerId);
  const labelId = useId();
  const counterId = useId();
  const noticeId = useId();
  const slowModeId = useId();
  const replyId = useId();
  const replyTo = reply?.quote ?? null;
  const onCancelReply = reply?.cancel ?? noop;
  useAutosize(textarea, draft);
  const mentions = useMentions({ slug, viewerId, value: draft, setValue: setDraft, textarea });
  const replyingTo = replyTo?.id ?? null;
  useEffect(() => {
    if (replyingTo !== null) textarea.current?.focus();
  }, [replyingTo]);

  const rateLimitLeft = useSecondsLeft(rateLimitedUntil, onRateLimitOver);
  const slow = slowMode && slowMode.seconds > 0 ? slowMode : null;
  const waits = slow !== null && !slow.exempt;
  const slowModeLeft = useSecondsLeft(waits ? slow.until : null, noop);
  // In slow mode a 429 (another tab sent first) is the same wait, said as slow mode's countdown.
  const secondsLeft = waits ? Math.max(rateLimitLeft, slowModeLeft) : rateLimitLeft;
  const problem = draftProblem(draft);
  const blocked = secondsLeft > 0;
  const canSend = problem === null && !blocked;

  function submit() {
    if (!canSend) return;
    onSend(draft, asking ? { question: true } : undefined);
    setDraft("");
    setAsking(false);
    textarea.current?.focus();
  }

  const notice = composerNotice({ secondsLeft: waits ? 0 : secondsLeft, problem, status });

  return (
    <div className={COMPOSER_SHELL} data-testid="composer">
      {error ? (
        <div
          role="alert"
          data-testid="composer-error"
          className="mb-2 flex items-start justify-between gap-3 rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-900 dark:bg-rose-950/60 dark:text-rose-100"
        >
          <p>{error}</p>
          <button
            type="button"
            onClick={onDismissError}
            aria-label="Dismiss"
            className="-m-1 rounded p-1 hover:bg-rose-100 focus-visible:outline-2 focus-visible:outline-ring dark:hover:bg-rose-900"
          >
            <CloseIcon />
          </button>
        </div>
      ) : null}
      {slow ? (
        <SlowModeLine
          id={slowModeId}
          seconds={slow.seconds}
          exempt={slow.exempt}
          secondsLeft={waits ? secondsLeft : 0}
        />
      ) : null}
      {replyTo ? <ComposerReply id={replyId} quote={replyTo} onCancel={onCancelReply} /> : null}
      <div className="relative">
        {mentions.list}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          className="flex items-end gap-2 rounded-xl border border-line-strong bg-surface py-1.5 pr-1.5 pl-3 shadow-sm transition focus-within:border-accent focus-within:ring-2 focus-within:ring-ring/30"
        >
          <label id={labelId} htmlFor={`${labelId}-input`} className="sr-only">
            Message {roomName}
          </label>
          <textarea
            id={`${labelId}-input`}
            ref={textarea}
            data-testid="composer-input"
            value={draft}
            rows={1}
            placeholder={`Message ${roomName}`}
            enterKeyHint="send"
            aria-describedby={`${replyTo ? `${replyId} ` : ""}${counterId} ${noticeId}${slow ? ` ${slowModeId}` : ""}`}
            aria-invalid={problem === "too_long" || undefined}
            {...mentions.comboboxProps}
            onChange={(event) => {
              setDraft(event.target.value);
              mentions.track(event.target);
              if (event.target.value.trim()) notifyTyping();
            }}
            onKeyDown={(event) => {
              if (mentions.onKeyDown(event)) return;
              if (isSubmitKey(event)) {
                event.preventDefault();
                submit();
              } else if (event.key === "Escape" && replyTo && !event.nativeEvent.isComposing) {
                event.preventDefault();
                onCancelReply();
              }
            }}
            className="block max-h-48 min-h-9 w-full flex-1 resize-none self-center bg-transparent py-1.5 text-[0.9375rem] leading-6 text-ink placeholder:text-ink-subtle focus:outline-none sm:max-h-64"
          />
          <button
            type="button"
            data-testid="composer-ask"
            aria-pressed={asking}
            title={asking ? "Sends as a question (press again for a plain message)" : "Ask: send as a question"}
            onClick={() => setAsking((on) => !on)}
            className={`h-9 shrink-0 rounded-lg px-2.5 text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring ${
              asking
                ? "bg-accent-soft text-accent-ink ring-1 ring-accent"
                : "text-ink-muted hover:bg-sunken hover:text-ink"
            }`}
          >
            Ask
          </button>
          <button
            type="submit"
            data-testid="composer-send"
            disabled={!canSend}
            aria-label="Send message"
            title="Send (Enter)"
            className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent text-on-accent shadow-sm transition hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:bg-sunken disabled:text-ink-subtle disabled:shadow-none"
          >
            <SendIcon />
          </button>
        </form>
      </div>
      <div className="mt-1 flex items-start justify-between gap-3 px-1 text-xs sm:min-h-5">
        <p
          id={noticeId}
          data-testid={notice?.testId}
          className={notice ? NOTICE_TONE_CLASSES[notice.tone] : "text-ink-subtle max-sm:sr-only"}
        >
          {notice ? notice.text : "Enter to send · Shift+Enter for a new line"}
        </p>
        <p aria-live="polite" className="sr-only">
          {notice ? SPOKEN_NOTICE[notice.testId] : ""}
        </p>
        <p aria-live="polite" className="sr-only" data-testid="mention-status">
          {mentions.announcement}
        </p>
        <CharacterCounter id={counterId} length={draft.length} />
      </div>
    </div>
  );
}
