"use client";

// "Send a new link" for a signed-in member whose email is not verified. Here, at the root of app/,
// because both the verify-email page and the new-room page (another route group) show it.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { resendVerificationAction } from "@/lib/auth/actions";
import { resendMessage, type ResendState } from "@/lib/auth/resend-message";

const idle: ResendState = { status: "idle" };

/** "Send a new link" for the signed-in member whose link did not work. */
export function ResendForMember() {
  const [state, formAction, pending] = useActionState(resendVerificationAction, idle);
  const message = state.status === "idle" ? null : resendMessage(state);

  return (
    <form action={formAction} className="space-y-4">
      {message ? <FormAlert tone={message.tone}>{message.text}</FormAlert> : null}
      <Button type="submit" block size="lg" pending={pending} pendingText="Sending…">
        {state.status === "done" && state.outcome === "sent" ? "Send another link" : "Send a new link"}
      </Button>
    </form>
  );
}
