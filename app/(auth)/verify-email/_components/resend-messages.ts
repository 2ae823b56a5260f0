import type { ResendState } from "../actions";

export interface ResendMessage {
  text: string;
  tone: "success" | "info" | "error";
}

/** What "Resend email" came to, in words (the banner's toast and the verify page say the same). */
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
