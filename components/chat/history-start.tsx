// The top of the conversation: loading earlier messages (a button, a spinner, or why it failed),
// or the line that says this is where it begins.
import { HistoryPager } from "./history-pager";

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
  return <HistoryPager direction="older" loading={loadingOlder} error={olderError} onLoad={onLoadOlder} />;
}

export function HistoryStart(props: HistoryStartProps) {
  return (
    <div className="px-4 pt-3 pb-1 sm:px-5" data-testid="history-start">
      <Body {...props} />
    </div>
  );
}
