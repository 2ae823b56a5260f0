// The bottom of a window of older history (after a jump): loading newer messages (a button, a spinner,
// or why it failed). Scrolling down loads them by itself; the button is there for keyboards.
import { Spinner } from "@/components/ui/button";

const linkButton =
  "rounded-md px-2 py-1 text-sm font-semibold text-accent-ink hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-ring";

export interface HistoryEndProps {
  loadingNewer: boolean;
  newerError: string | null;
  onLoadNewer: () => void;
}

export function HistoryEnd({ loadingNewer, newerError, onLoadNewer }: HistoryEndProps) {
  if (newerError) {
    return (
      <p role="alert" className="flex flex-wrap items-center justify-center gap-2 py-2 text-sm text-ink-muted">
        {newerError}
        <button type="button" onClick={onLoadNewer} className={linkButton}>
          Try again
        </button>
      </p>
    );
  }
  if (loadingNewer) {
    return (
      <p
        data-testid="loading-newer"
        role="status"
        className="flex items-center justify-center gap-2 py-2 text-sm text-ink-subtle"
      >
        <Spinner className="size-4" />
        Loading newer messages…
      </p>
    );
  }
  return (
    <p className="flex justify-center py-1">
      <button type="button" data-testid="load-newer" onClick={onLoadNewer} className={linkButton}>
        Load newer messages
      </button>
    </p>
  );
}
