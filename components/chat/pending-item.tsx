"use client";
// A message of the viewer's that the server has not confirmed: muted with "Sending…", or, when
// it failed, the reason with Retry (same idempotency key, so never stored twice) and Discard.
import type { MessageAuthorPayload } from "@/lib/chat/message-payload";
import type { PendingMessage } from "@/lib/chat/client/message-store";
import { Spinner } from "@/components/ui/button";
import { AuthorAvatar } from "@/components/ui/avatar";
import { ErrorCircleIcon } from "@/components/ui/icons";
import { ReplyQuoteLine } from "./reply-quote";

export interface PendingItemProps {
  pending: PendingMessage;
  groupStart: boolean;
  viewer: MessageAuthorPayload | null;
  onRetry: (clientKey: string) => void;
  onDiscard: (clientKey: string) => void;
  /** Opens the message it replies to. */
  onJumpTo?: (id: number) => void;
}

const bubbleAction = "rounded-md px-2 py-1 focus-visible:outline-2 focus-visible:outline-ring";

export function PendingItem({ pending, groupStart, viewer, onRetry, onDiscard, onJumpTo }: PendingItemProps) {
  const failed = pending.status === "failed";
  return (
    <li
      data-testid="pending-message"
      data-anchor={`p-${pending.clientKey}`}
      data-status={pending.status}
      className={`relative flex gap-3 px-3 sm:px-5 ${groupStart ? "mt-2 pt-1.5 pb-1" : "py-0.5"} ${failed ? "bg-rose-50/60 dark:bg-rose-950/20" : ""}`}
    >
      <div className="flex w-10 shrink-0 justify-center">
        {groupStart ? <AuthorAvatar author={viewer} size="lg" /> : null}
      </div>
      <div className="min-w-0 flex-1">
        {groupStart ? (
          <p className="flex flex-wrap items-baseline gap-x-2 text-sm leading-6">
            <span className="font-semibold text-ink">{viewer?.name ?? "You"}</span>
          </p>
        ) : (
          <span className="sr-only">{viewer?.name ?? "You"}</span>
        )}
        {pending.replyTo ? <ReplyQuoteLine quote={pending.replyTo} onJump={onJumpTo} /> : null}
        {/* Plain text until the server's rendering arrives; React escapes it. */}
        <p
          data-testid="pending-body"
          className={`text-[0.9375rem] leading-relaxed whitespace-pre-wrap break-words [overflow-wrap:anywhere] ${failed ? "text-ink" : "text-ink-subtle"}`}
        >
          {pending.body}
        </p>
        {failed ? (
          <div role="alert" className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <span className="flex items-center gap-1.5 font-medium text-rose-700 dark:text-rose-300">
              <ErrorCircleIcon />
              Not sent. {pending.failure?.message}
            </span>
            <span className="flex items-center gap-1">
              <button
                type="button"
                onClick={() => onRetry(pending.clientKey)}
                className={`${bubbleAction} font-semibold text-accent-ink hover:bg-accent-soft`}
              >
                Retry
              </button>
              <button
                type="button"
                onClick={() => onDiscard(pending.clientKey)}
                className={`${bubbleAction} font-medium text-ink-muted hover:bg-sunken hover:text-ink`}
              >
                Discard
              </button>
            </span>
          </div>
        ) : (
          // Fades in after a moment, so a quick send does not flash it.
          <p className="mt-0.5 flex items-center gap-1.5 text-xs text-ink-subtle transition-opacity delay-300 duration-200 starting:opacity-0">
            <Spinner className="size-3" />
            Sending…
          </p>
        )}
      </div>
    </li>
  );
}
