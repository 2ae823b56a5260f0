// Floats over the bottom of a conversation scrolled up: how many messages arrived meanwhile, or
// a way back to the latest; a press scrolls to the bottom. Below a window of older history (a jump)
// it is "Jump to newest", which loads the live end instead.
import { ArrowDownIcon } from "@/components/ui/icons";

const plural = (n: number) => `${n} new message${n === 1 ? "" : "s"}`;

export function NewMessagesPill({
  unseen,
  onClick,
  jumpToNewest = false,
}: {
  unseen: number;
  onClick: () => void;
  /** The newest messages are not loaded: the press loads them (a window of older history is shown). */
  jumpToNewest?: boolean;
}) {
  const label = jumpToNewest
    ? unseen > 0
      ? `Jump to newest (${plural(unseen)})`
      : "Jump to newest"
    : unseen > 0
      ? plural(unseen)
      : "Jump to latest";
  return (
    <div className="pointer-events-none absolute inset-x-0 bottom-3 flex justify-center">
      <button
        type="button"
        data-testid={jumpToNewest ? "jump-to-newest" : "new-messages-pill"}
        onClick={onClick}
        className="pointer-events-auto inline-flex items-center gap-1.5 rounded-full bg-accent px-4 py-1.5 text-sm font-semibold text-on-accent shadow-lg shadow-black/15 transition hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <ArrowDownIcon />
        {label}
      </button>
    </div>
  );
}
