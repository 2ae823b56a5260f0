"use client";

// A modal "are you sure?" built on the platform's <dialog>: showModal() makes the rest of the page
// inert (the focus trap), puts the dialog in the top layer and gives Escape for free. The parent
// owns `open`; every way of closing (Cancel, Escape, a click on the backdrop) calls onCancel.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { usePageScrollLock } from "./use-page-scroll-lock";
import { Button } from "./button";
import { FormAlert } from "./form-alert";

export type ConfirmDialogTone = "default" | "danger";

export interface ConfirmDialogProps {
  open: boolean;
  /** The dialog asks to close (Cancel, Escape, backdrop). Not called while `pending`. */
  onCancel: () => void;
  /** The confirm button was pressed. Keep the dialog open with `pending` while the work runs. */
  onConfirm: () => void;
  title: ReactNode;
  /** What will happen; read by screen readers when the dialog opens. */
  description?: ReactNode;
  /** Anything more to show between the description and the buttons. */
  children?: ReactNode;
  confirmLabel?: ReactNode;
  cancelLabel?: ReactNode;
  /** What the confirm button says while pending, e.g. "Deleting…". */
  pendingLabel?: ReactNode;
  /** "danger" for what cannot be undone: a warning icon and a red confirm button. */
  tone?: ConfirmDialogTone;
  /** The confirmed work is running: the buttons stop responding and the dialog stays open. */
  pending?: boolean;
  /** Why the last attempt failed, shown above the buttons (and announced). */
  error?: ReactNode;
  "data-testid"?: string;
}

function WarningIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className="size-5"
    >
      <path d="M12 9v4M12 16.5v.01" />
      <path d="M10.3 3.9 2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
    </svg>
  );
}

function QuestionIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className="size-5"
    >
      <circle cx="12" cy="12" r="9" />
      <path d="M9.6 9.3a2.5 2.5 0 0 1 4.85.85c0 1.65-2.45 2.1-2.45 3.6M12 16.75v.01" />
    </svg>
  );
}

/**
 * An accessible confirmation dialog (role="alertdialog", labelled by its title and described by
 * its description). Focus starts on Cancel, the harmless choice, and returns to whatever opened
 * it when it closes.
 *
 * ```tsx
 * const [open, setOpen] = useState(false);
 * const [pending, startTransition] = useTransition();
 * <Button onClick={() => setOpen(true)}>Delete…</Button>
 * <ConfirmDialog open={open} onCancel={() => setOpen(false)} tone="danger" title="Delete this message?"
 *   confirmLabel="Delete" pendingLabel="Deleting…" pending={pending}
 *   onConfirm={() => startTransition(async () => { await deleteMessage(id); setOpen(false); })} />
 * ```
 */
export function ConfirmDialog({
  open,
  onCancel,
  onConfirm,
  title,
  description,
  children,
  confirmLabel = "Confirm",
  cancelLabel = "Cancel",
  pendingLabel,
  tone = "default",
  pending = false,
  error,
  "data-testid": testId,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // The event handlers below read the latest props without re-binding.
  const latest = useRef({ open, pending, onCancel });
  useEffect(() => {
    latest.current = { open, pending, onCancel };
  });
  // Where a click on the backdrop started: dragging a text selection out of the panel is no "click outside".
  const pressedOnBackdrop = useRef(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-confirm-dialog-cancel]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  usePageScrollLock(open);

  const requestClose = () => {
    if (!latest.current.pending) latest.current.onCancel();
  };

  return (
    // The click handler is for the backdrop only; Escape is its keyboard equivalent (onCancel).
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={dialogRef}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      data-tone={tone}
      onCancel={(event) => {
        // Escape: we close through `open`, so the dialog and the parent's state never disagree.
        event.preventDefault();
        requestClose();
      }}
      onClose={() => {
        // Closed by the browser without our say (a second Escape is not cancelable): catch up.
        if (latest.current.open) latest.current.onCancel();
      }}
      onPointerDown={(event) => {
        pressedOnBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        // The panel fills the dialog box, so only a click on the ::backdrop targets the dialog itself.
        if (event.target === event.currentTarget && pressedOnBackdrop.current) requestClose();
        pressedOnBackdrop.current = false;
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md overflow-visible rounded-2xl border border-line bg-surface p-0 text-ink shadow-2xl shadow-black/20 transition duration-150 ease-out backdrop:bg-slate-950/50 backdrop:backdrop-blur-[2px] starting:scale-95 starting:opacity-0 motion-reduce:transition-none dark:shadow-black/60"
    >
      <div className="flex gap-4 p-5 sm:p-6">
        <span
          aria-hidden="true"
          className={`hidden size-10 shrink-0 items-center justify-center rounded-full sm:flex ${
            tone === "danger"
              ? "bg-rose-50 text-rose-700 dark:bg-rose-950 dark:text-rose-300"
              : "bg-accent-soft text-accent-ink"
          }`}
        >
          {tone === "danger" ? <WarningIcon /> : <QuestionIcon />}
        </span>
        <div className="min-w-0 flex-1">
          <h2
            id={titleId}
            className="text-lg leading-snug font-semibold tracking-tight text-balance break-words text-ink"
          >
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="mt-2 text-sm leading-relaxed text-pretty break-words text-ink-muted">
              {description}
            </div>
          ) : null}
          {children ? <div className="mt-4">{children}</div> : null}
          {error ? (
            <FormAlert tone="error" className="mt-4">
              {error}
            </FormAlert>
          ) : null}
        </div>
      </div>
      <div className="flex flex-col-reverse gap-2 rounded-b-2xl border-t border-line bg-sunken/50 px-5 py-4 sm:flex-row sm:justify-end sm:px-6">
        <Button
          variant="secondary"
          onClick={requestClose}
          aria-disabled={pending || undefined}
          data-confirm-dialog-cancel=""
        >
          {cancelLabel}
        </Button>
        <Button
          variant={tone === "danger" ? "danger" : "primary"}
          onClick={onConfirm}
          pending={pending}
          pendingText={pendingLabel}
        >
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
