// "Resend email" for a signed-in member: the action's state and what it came to, in words. The
// header's banner (components/verify-banner.tsx) and the verify page say the same.
import type { ResendOutcome } from "./email-verification";

export type ResendState =
  | { status: "idle" }
  | { status: "done"; outcome: ResendOutcome | "signed_out"; at: number }
  | { status: "error"; at: number };

export const resendIdle: ResendState = { status: "idle" };

export interface ResendMessage {
  text: string;
  tone: "success" | "info" | "error";
}

/** What "Resend email" came to, in words. */
export function resendMessage(state: Exclude<ResendState, { status: "idle" }>): ResendMessage {
  if (state.status === "error")
    return { text: "We couldn't send the email just now. Please try again in a minute.", tone: "error" };
  switch (state.outcome) {
    case "sent":
      return { text: "Sent! Check your inbox.", tone: "success" };
    case "support_requested":
      return { text: "You've asked a few times, so we've asked our team to help. We'll be in touch.", tone: "info" };
    case "already_verified":
      return { text: "Your email is already confirmed.", tone: "success" };
    case "signed_out":
      return { text: "Please sign in again to ask for a new link.", tone: "error" };
  }
}
