// Above the conversation when a message link (`?m=`) or a jump named no message of this room: said, and dismissable.
import { CloseIcon } from "@/components/ui/icons";

export function JumpNotice({ notice, onDismiss }: { notice: string; onDismiss: () => void }) {
  return (
    <div
      role="status"
      data-testid="jump-notice"
      className="flex shrink-0 items-center justify-between gap-2 border-b border-line bg-amber-50 px-4 py-2 text-sm text-ink dark:bg-amber-950/30 sm:px-5"
    >
      <span>{notice}</span>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss"
        className="flex size-7 items-center justify-center rounded-md text-ink-muted hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-ring"
      >
        <CloseIcon />
      </button>
    </div>
  );
}
