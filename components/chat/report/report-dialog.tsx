"use client";
// The report dialog: why (a radio group: spam, harassment, other), a note (required for "other"), then a toast for the
// outcome. Loaded on the first Report click (../message-actions.tsx), so the room page's first load does not carry it.
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { textInputClasses } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { ChatApiError, errorMessageOf } from "@/lib/chat/client/chat-api";
import { ALREADY_REPORTED, postReport } from "@/lib/chat/client/reports";
import {
  REPORT_NOTE_MAX,
  REPORT_NOTE_REQUIRED,
  REPORT_REASON_LABELS,
  REPORT_REASONS,
  type ReportReasonKey,
} from "@/lib/validation/reports";

export interface ReportDialogProps {
  open: boolean;
  slug: string;
  messageId: number;
  authorName: string;
  onClose: () => void;
  /** Stored, or it already was: the tool turns into "Reported". */
  onReported: () => void;
}

export function ReportDialog({ open, slug, messageId, authorName, onClose, onReported }: ReportDialogProps) {
  const ids = { title: useId(), note: useId(), noteError: useId() };
  const { toast } = useToast();
  const [reason, setReason] = useState<ReportReasonKey | null>(null);
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (!reason) return setError("Choose why you are reporting it.");
    if (reason === "other" && !note.trim()) return setNoteError(REPORT_NOTE_REQUIRED);
    setPending(true);
    setError(null);
    try {
      await postReport(slug, messageId, { reason, ...(note.trim() ? { note: note.trim() } : {}) });
      onReported();
      onClose();
      toast({ id: "message-reported", message: "Thanks, moderators will look at it.", tone: "success" });
    } catch (failure) {
      const message = errorMessageOf(failure, "Could not send the report. Try again.");
      if (failure instanceof ChatApiError && failure.code === ALREADY_REPORTED) {
        onReported();
        onClose();
        toast({ id: "message-reported", message, tone: "info" });
      } else {
        setError(message);
        toast({ id: "message-reported", message, tone: "error" });
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      busy={pending}
      aria-labelledby={ids.title}
      data-testid="report-dialog"
      className="m-auto w-[calc(100%-1.5rem)] max-w-md rounded-2xl border border-line bg-surface p-0 text-ink shadow-2xl shadow-black/20 backdrop:bg-slate-950/50 dark:shadow-black/60"
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="space-y-4 p-5 sm:p-6">
          <h2 id={ids.title} className="text-lg font-semibold tracking-tight break-words">
            Report {authorName}’s message
          </h2>
          <fieldset>
            <legend className="text-sm text-ink-muted">Why should moderators look at it?</legend>
            <div className="mt-2 space-y-1">
              {REPORT_REASONS.map((key, i) => (
                <label
                  key={key}
                  className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-sunken"
                >
                  <input
                    type="radio"
                    name="reason"
                    value={key}
                    checked={reason === key}
                    onChange={() => {
                      setReason(key);
                      setError(null);
                    }}
                    data-testid={`report-reason-${key}`}
                    data-autofocus={i === 0 ? "" : undefined}
                    className="size-4 accent-accent"
                  />
                  <span className="text-sm">{REPORT_REASON_LABELS[key]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {reason === "other" ? (
            <div>
              <label htmlFor={ids.note} className="text-sm font-medium">
                What is wrong with it?
              </label>
              <textarea
                id={ids.note}
                value={note}
                maxLength={REPORT_NOTE_MAX}
                rows={3}
                required
                aria-invalid={noteError ? true : undefined}
                aria-describedby={noteError ? ids.noteError : undefined}
                onChange={(event) => {
                  setNote(event.target.value);
                  setNoteError(null);
                }}
                data-testid="report-note"
                className={textInputClasses(noteError !== null, "mt-1 w-full resize-y")}
              />
              {noteError ? (
                <p id={ids.noteError} className="mt-1 text-sm text-rose-700 dark:text-rose-300">
                  {noteError}
                </p>
              ) : null}
            </div>
          ) : null}
          {error ? <FormAlert tone="error">{error}</FormAlert> : null}
        </div>
        <div className="flex flex-col-reverse gap-2 rounded-b-2xl border-t border-line bg-sunken/50 px-5 py-4 sm:flex-row sm:justify-end sm:px-6">
          <Button type="button" variant="secondary" onClick={() => !pending && onClose()}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" pending={pending} pendingText="Sending…" data-testid="report-submit">
            Report
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
