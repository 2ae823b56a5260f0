// One end of the loaded history that has more beyond it: a button to load the next page, a spinner while it comes,
// or why it failed with "Try again". Scrolling there loads it by itself; the button is for keyboards and readers.
import { Spinner } from "@/components/ui/button";

const linkButton =
  "rounded-md px-2 py-1 text-sm font-semibold text-accent-ink hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-ring";

const WORDING = {
  older: { load: "Load earlier messages", loading: "Loading earlier messages…" },
  newer: { load: "Load newer messages", loading: "Loading newer messages…" },
} as const;

export interface HistoryPagerProps {
  direction: keyof typeof WORDING;
  loading: boolean;
  error: string | null;
  onLoad: () => void;
}

export function HistoryPager({ direction, loading, error, onLoad }: HistoryPagerProps) {
  if (error) {
    return (
      <p role="alert" className="flex flex-wrap items-center justify-center gap-2 py-2 text-sm text-ink-muted">
        {error}
        <button type="button" onClick={onLoad} className={linkButton}>
          Try again
        </button>
      </p>
    );
  }
  if (loading) {
    return (
      <p
        data-testid={`loading-${direction}`}
        role="status"
        className="flex items-center justify-center gap-2 py-2 text-sm text-ink-subtle"
      >
        <Spinner className="size-4" />
        {WORDING[direction].loading}
      </p>
    );
  }
  return (
    <p className="flex justify-center py-1">
      <button type="button" data-testid={`load-${direction}`} onClick={onLoad} className={linkButton}>
        {WORDING[direction].load}
      </button>
    </p>
  );
}
