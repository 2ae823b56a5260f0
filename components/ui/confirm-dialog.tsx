"use client";

// A modal "are you sure?" on ModalDialog. The parent owns `open`; every way of closing (Cancel,
// Escape, a click on the backdrop) calls onCancel.
import { useId, type ReactNode } from "react";
import { Button } from "./button";
import { FormAlert } from "./form-alert";
import { QuestionIcon, WarningIcon } from "./icons";
import { ModalDialog } from "./modal-dialog";

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

/**
 * An accessible confirmation (alertdialog named by its title, described by its description). Focus starts on
 * Cancel, the harmless choice, and returns to the opener on close.
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
  const titleId = useId();
  const descriptionId = useId();

  return (
    <ModalDialog
      open={open}
      onClose={onCancel}
      busy={pending}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      data-tone={tone}
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
          onClick={() => {
            if (!pending) onCancel();
          }}
          aria-disabled={pending || undefined}
          // The harmless choice gets focus first.
          data-autofocus=""
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
    </ModalDialog>
  );
}
