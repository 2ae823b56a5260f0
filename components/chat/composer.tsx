"use client";
// The message composer, pinned under the conversation. Enter sends, Shift+Enter adds a line
// (never while an input method composes); the textarea grows up to a limit. Empty or
// whitespace-only text cannot be sent, a counter appears near 4,000 characters, and while the
// server asks us to slow down (429) sending waits with the draft kept. Visitors, unconfirmed
// members, a deleted or locked room, and a muted or banned member get a clear line instead of a
// box that would only fail.
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { useTypingNotifier } from "@/components/presence/use-typing-notifier";
import type { ConnectionStatus } from "@/components/realtime/connection-status";
import { buttonClasses } from "@/components/ui/button";
import type { PostingBlock } from "@/lib/chat/client/posting-restriction";
import { CharacterCounter, draftProblem, isSubmitKey, MESSAGE_MAX, useAutosize } from "./text-entry";

export type ComposerMode = "post" | "signed-out" | "unverified" | "room-deleted" | "restricted";

export interface ComposerProps {
  roomId: string;
  slug: string;
  roomName: string;
  mode: ComposerMode;
  /** With mode "restricted": what keeps the viewer from posting, worded for them. */
  block?: PostingBlock | null;
  status: ConnectionStatus;
  /** Epoch ms until which the server refuses more messages (429), or null. */
  rateLimitedUntil: number | null;
  onRateLimitOver: () => void;
  /** A refusal worth saying next to the box (403, 404, a lost session). */
  error: string | null;
  onDismissError: () => void;
  onSend: (body: string) => void;
}

function SendIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4">
      <path d="M3.1 2.3a.75.75 0 0 0-1 .9l1.9 6.05h6.75a.75.75 0 0 1 0 1.5H4l-1.9 6.05a.75.75 0 0 0 1 .9l15-7.1a.75.75 0 0 0 0-1.36z" />
    </svg>
  );
}

/** Seconds left until `until`, ticking; 0 once passed. */
function useSecondsLeft(until: number | null, onOver: () => void): number {
  const [now, setNow] = useState(() => Date.now());
  const onOverRef = useRef(onOver);
  useEffect(() => {
    onOverRef.current = onOver;
  });
  useEffect(() => {
    if (until === null) return;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      if (current >= until) onOverRef.current();
    };
    tick();
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

const spokenNotice: Record<string, string> = {
  "rate-limit-notice": "You are sending messages too fast. Wait a few seconds, then send again.",
  "too-long-notice": `Messages have at most ${MESSAGE_MAX.toLocaleString("en-US")} characters.`,
  "offline-notice": "You're offline. Messages will send when you reconnect.",
};

const shell = "border-t border-line bg-surface px-3 pt-2 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:px-5";

function LockIcon() {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className="size-5 shrink-0"
    >
      <rect x="4" y="8.5" width="12" height="8.5" rx="2" />
      <path d="M6.75 8.5V6.25a3.25 3.25 0 0 1 6.5 0V8.5M10 12v1.75" />
    </svg>
  );
}

function MutedIcon() {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className="size-5 shrink-0"
    >
      <path d="M4 6.5A2.5 2.5 0 0 1 6.5 4h7A2.5 2.5 0 0 1 16 6.5v5a2.5 2.5 0 0 1-2.5 2.5H10l-3.5 3v-3A2.5 2.5 0 0 1 4 11.5z" />
      <path d="m3 3 14 14" />
    </svg>
  );
}

function BannedIcon() {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      aria-hidden="true"
      className="size-5 shrink-0"
    >
      <circle cx="10" cy="10" r="7" />
      <path d="m5.05 5.05 9.9 9.9" />
    </svg>
  );
}

const blockTone: Record<PostingBlock["kind"], string> = {
  locked: "border-line-strong bg-sunken/70 text-ink",
  muted: "border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900/70 dark:bg-amber-950/50 dark:text-amber-50",
  banned: "border-rose-200 bg-rose-50 text-rose-950 dark:border-rose-900 dark:bg-rose-950/50 dark:text-rose-50",
  refused: "border-rose-200 bg-rose-50 text-rose-950 dark:border-rose-900 dark:bg-rose-950/50 dark:text-rose-50",
};

/** Said in place of the text box: the room is locked, or the viewer may not post here (and why, until when). */
function PostingBlockNotice({ block }: { block: PostingBlock }) {
  const Icon = block.kind === "locked" ? LockIcon : block.kind === "muted" ? MutedIcon : BannedIcon;
  return (
    <div className={shell}>
      {/* A status, not an alert: it may appear while the member is typing, and is announced politely. */}
      <div
        role="status"
        data-testid="composer-restricted"
        data-kind={block.kind}
        className={`my-1 flex items-start gap-3 rounded-xl border px-4 py-3 text-sm ${blockTone[block.kind]}`}
      >
        <Icon />
        <p className="min-w-0 leading-5 text-pretty break-words">{block.text}</p>
      </div>
    </div>
  );
}

export function Composer({
  roomId,
  slug,
  roomName,
  mode,
  block,
  status,
  rateLimitedUntil,
  onRateLimitOver,
  error,
  onDismissError,
  onSend,
}: ComposerProps) {
  if (mode === "restricted" && block) return <PostingBlockNotice block={block} />;
  if (mode === "room-deleted") {
    return (
      <div className={shell}>
        <div
          role="alert"
          data-testid="room-deleted-notice"
          className="my-1 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-950 dark:border-rose-900 dark:bg-rose-950/50 dark:text-rose-50"
        >
          <p>
            <strong className="font-semibold">This room was deleted.</strong> Its messages are gone and nothing more can
            be posted here.
          </p>
          <Link href="/" className={buttonClasses({ variant: "secondary", size: "sm" })}>
            Back to all rooms
          </Link>
        </div>
      </div>
    );
  }
  if (mode === "signed-out") {
    const returnTo = encodeURIComponent(`/rooms/${slug}`);
    return (
      <div className={shell}>
        <div
          data-testid="composer-signed-out"
          className="my-1 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-line bg-sunken/60 px-4 py-3 text-sm"
        >
          <p className="font-medium text-ink">Sign in to join the conversation.</p>
          <div className="flex items-center gap-2">
            <Link href="/register" className={buttonClasses({ variant: "ghost", size: "sm" })}>
              Create account
            </Link>
            <Link href={`/login?callbackUrl=${returnTo}`} className={buttonClasses({ size: "sm" })}>
              Sign in
            </Link>
          </div>
        </div>
      </div>
    );
  }
  if (mode === "unverified") {
    return (
      <div className={shell}>
        <div
          data-testid="composer-unverified"
          className="my-1 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-900/70 dark:bg-amber-950/50 dark:text-amber-50"
        >
          <p>
            <strong className="font-semibold">Confirm your email to post.</strong> Open the link we emailed you; if it
            has not arrived, use “Resend email” in the banner at the top of the page.
          </p>
        </div>
      </div>
    );
  }
  return (
    <PostingComposer
      roomId={roomId}
      roomName={roomName}
      status={status}
      rateLimitedUntil={rateLimitedUntil}
      onRateLimitOver={onRateLimitOver}
      error={error}
      onDismissError={onDismissError}
      onSend={onSend}
    />
  );
}

type PostingComposerProps = Omit<ComposerProps, "mode" | "slug">;

function PostingComposer({
  roomId,
  roomName,
  status,
  rateLimitedUntil,
  onRateLimitOver,
  error,
  onDismissError,
  onSend,
}: PostingComposerProps) {
  const [draft, setDraft] = useState("");
  const textarea = useRef<HTMLTextAreaElement>(null);
  const notifyTyping = useTypingNotifier(roomId);
  const labelId = useId();
  const counterId = useId();
  const noticeId = useId();
  useAutosize(textarea, draft);

  const secondsLeft = useSecondsLeft(rateLimitedUntil, onRateLimitOver);
  const problem = draftProblem(draft);
  const blocked = secondsLeft > 0;
  const canSend = problem === null && !blocked;

  function submit() {
    if (!canSend) return;
    onSend(draft);
    setDraft("");
    textarea.current?.focus();
  }

  let notice: { tone: "error" | "warning" | "info"; text: string; testId: string } | null = null;
  if (blocked) {
    notice = {
      tone: "warning",
      text: `You are sending messages too fast. Try again in ${secondsLeft} second${secondsLeft === 1 ? "" : "s"}.`,
      testId: "rate-limit-notice",
    };
  } else if (problem === "too_long") {
    notice = {
      tone: "error",
      text: `Messages have at most ${MESSAGE_MAX.toLocaleString("en-US")} characters. Shorten it to send.`,
      testId: "too-long-notice",
    };
  } else if (status === "offline") {
    notice = {
      tone: "info",
      text: "You're offline — messages will send when you reconnect.",
      testId: "offline-notice",
    };
  }

  const toneClasses = {
    error: "text-rose-700 dark:text-rose-300",
    warning: "text-amber-800 dark:text-amber-200",
    info: "text-ink-muted",
  } as const;

  return (
    <div className={shell} data-testid="composer">
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
            <svg
              viewBox="0 0 20 20"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.75"
              strokeLinecap="round"
              aria-hidden="true"
              className="size-4"
            >
              <path d="m5 5 10 10M15 5 5 15" />
            </svg>
          </button>
        </div>
      ) : null}
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
          aria-describedby={`${counterId} ${noticeId}`}
          aria-invalid={problem === "too_long" || undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            if (event.target.value.trim()) notifyTyping();
          }}
          onKeyDown={(event) => {
            if (isSubmitKey(event)) {
              event.preventDefault();
              submit();
            }
          }}
          className="block max-h-48 min-h-9 w-full flex-1 resize-none self-center bg-transparent py-1.5 text-[0.9375rem] leading-6 text-ink placeholder:text-ink-subtle focus:outline-none sm:max-h-64"
        />
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
      <div className="mt-1 flex items-start justify-between gap-3 px-1 text-xs sm:min-h-5">
        <p
          id={noticeId}
          data-testid={notice?.testId}
          className={notice ? toneClasses[notice.tone] : "text-ink-subtle max-sm:sr-only"}
        >
          {notice ? notice.text : "Enter to send · Shift+Enter for a new line"}
        </p>
        {/* Said once per kind of notice, not on every tick of the countdown. */}
        <p aria-live="polite" className="sr-only">
          {notice ? spokenNotice[notice.testId] : ""}
        </p>
        <CharacterCounter id={counterId} length={draft.length} />
      </div>
    </div>
  );
}
