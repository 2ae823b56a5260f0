// What the conversation shows before anyone has written: an invitation when the viewer may post.
import { ChatBubbleIcon } from "@/components/ui/icons";

export function ConversationEmpty({ canPost }: { canPost: boolean }) {
  return (
    <div
      data-testid="messages-empty"
      className="flex flex-1 flex-col items-center justify-center px-6 py-10 text-center"
    >
      <span
        aria-hidden="true"
        className="flex size-12 items-center justify-center rounded-full bg-accent-soft text-accent-ink"
      >
        <ChatBubbleIcon />
      </span>
      <p className="mt-4 font-semibold text-ink">No messages yet</p>
      <p className="mt-1 max-w-sm text-sm text-ink-muted">
        {canPost
          ? "Say hello: your message starts the conversation."
          : "When people start talking here, their messages show up in this space."}
      </p>
    </div>
  );
}
