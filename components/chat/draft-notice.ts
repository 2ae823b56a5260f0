// The one line under the text box: why sending waits (rate limit), what is wrong with the draft,
// or that the connection is down; and the words a screen reader hears for it, once per kind.
import type { ConnectionStatus } from "@/components/realtime/connection-status";
import { MESSAGE_MAX, type DraftProblem } from "./text-entry";

export type ComposerNoticeId = "rate-limit-notice" | "too-long-notice" | "offline-notice";

export interface ComposerNotice {
  tone: "error" | "warning" | "info";
  text: string;
  testId: ComposerNoticeId;
}

const limit = MESSAGE_MAX.toLocaleString("en-US");

/** Said once per kind of notice, not on every tick of the countdown. */
export const SPOKEN_NOTICE: Record<ComposerNoticeId, string> = {
  "rate-limit-notice": "You are sending messages too fast. Wait a few seconds, then send again.",
  "too-long-notice": `Messages have at most ${limit} characters.`,
  "offline-notice": "You're offline. Messages will send when you reconnect.",
};

export const NOTICE_TONE_CLASSES = {
  error: "text-rose-700 dark:text-rose-300",
  warning: "text-amber-800 dark:text-amber-200",
  info: "text-ink-muted",
} as const;

export function composerNotice({
  secondsLeft,
  problem,
  status,
}: {
  secondsLeft: number;
  problem: DraftProblem;
  status: ConnectionStatus;
}): ComposerNotice | null {
  if (secondsLeft > 0) {
    return {
      tone: "warning",
      text: `You are sending messages too fast. Try again in ${secondsLeft} second${secondsLeft === 1 ? "" : "s"}.`,
      testId: "rate-limit-notice",
    };
  }
  if (problem === "too_long") {
    return {
      tone: "error",
      text: `Messages have at most ${limit} characters. Shorten it to send.`,
      testId: "too-long-notice",
    };
  }
  if (status === "offline") {
    return { tone: "info", text: "You're offline — messages will send when you reconnect.", testId: "offline-notice" };
  }
  return null;
}
