// Floats over the bottom of a conversation scrolled up: how many messages arrived meanwhile, or
// a way back to the latest; a press scrolls to the bottom.
import { ArrowDownIcon } from "@/components/ui/icons";

export function NewMessagesPill({ unseen, onClick }: { unseen: number; onClick: () => void }) {
  return (
    <div className="pointer-events-none absolute inset-x-0 bottom-3 flex justify-center">
      <button
        type="button"
        data-testid="new-messages-pill"
        onClick={onClick}
        className="pointer-events-auto inline-flex items-center gap-1.5 rounded-full bg-accent px-4 py-1.5 text-sm font-semibold text-on-accent shadow-lg shadow-black/15 transition hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <ArrowDownIcon />
        {unseen > 0 ? `${unseen} new message${unseen === 1 ? "" : "s"}` : "Jump to latest"}
      </button>
    </div>
  );
}
