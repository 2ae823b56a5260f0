// The top of the conversation: loading earlier messages (a button, a spinner, or why it failed),
// or the line that says this is where it begins.
import { Spinner } from "@/components/ui/button";

const linkButton =
  "rounded-md px-2 py-1 text-sm font-semibold text-accent-ink hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-ring";

export interface HistoryStartProps {
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: string | null;
  onLoadOlder: () => void;
  hasMessages: boolean;
}

function Body({ hasOlder, loadingOlder, olderError, onLoadOlder, hasMessages }: HistoryStartProps) {
  if (!hasOlder) {
    return hasMessages ? (
      <p data-testid="conversation-start" className="py-3 text-center text-sm text-ink-subtle">
        This is the beginning of the conversation.
      </p>
    ) : null;
  }
  if (olderError) {
    return (
      <p role="alert" className="flex flex-wrap items-center justify-center gap-2 py-2 text-sm text-ink-muted">
        {olderError}
        <button type="button" onClick={onLoadOlder} className={linkButton}>
          Try again
        </button>
      </p>
    );
  }
  if (loadingOlder) {
    return (
      <p
        data-testid="loading-older"
        role="status"
        className="flex items-center justify-center gap-2 py-2 text-sm text-ink-subtle"
      >
        <Spinner className="size-4" />
        Loading earlier messages…
      </p>
    );
  }
  // Scrolling up loads them by itself; the button is there for keyboards and screen readers.
  return (
    <p className="flex justify-center py-1">
      <button type="button" data-testid="load-older" onClick={onLoadOlder} className={linkButton}>
        Load earlier messages
      </button>
    </p>
  );
}

export function HistoryStart(props: HistoryStartProps) {
  return (
    <div className="px-4 pt-3 pb-1 sm:px-5" data-testid="history-start">
      <Body {...props} />
    </div>
  );
}
