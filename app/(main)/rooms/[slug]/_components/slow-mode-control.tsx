"use client";
// The host's and moderators' slow-mode control in the room header: "Slow mode…" opens a dialog with the waits to
// choose from; the outcome is a toast. The server action checks who may again (lib/rooms/slow-mode.ts).
import { startTransition, useActionState, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SlowModeIcon } from "@/components/chat/composer-slow-mode";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useToast } from "@/components/ui/toast";
import { initialFormState, type FormState } from "@/lib/form-state";
import { SLOW_MODE_CHOICES } from "@/lib/validation/slow-mode-choices";
import { setSlowModeAction } from "../actions";

export interface SlowModeControlProps {
  slug: string;
  /** The room's wait now (0: off), kept live by the page. */
  seconds: number;
}

export function SlowModeControl({ slug, seconds }: SlowModeControlProps) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState(seconds);
  const [state, formAction, pending] = useActionState(setSlowModeAction, initialFormState);
  // An outcome belongs to the attempt that made it: reopening the dialog starts clean.
  const [seenState, setSeenState] = useState<FormState>(state);
  const fresh = state !== seenState;
  const error = fresh && state.status === "error" ? (state.fields?.seconds ?? state.message) : undefined;
  const { toast } = useToast();
  const titleId = useId();
  const descriptionId = useId();
  const inFlight = useRef(false);
  // The current setting takes focus when the dialog opens; arrow keys move between the choices.
  const focused = SLOW_MODE_CHOICES.some((option) => option.seconds === seconds) ? seconds : 0;

  useEffect(() => {
    if (!pending) inFlight.current = false;
  }, [pending]);

  // Each answer is a new state object: a success closes the dialog, and every outcome gets one toast.
  const [handled, setHandled] = useState<FormState>(state);
  if (handled !== state) {
    setHandled(state);
    if (state.status === "success") setOpen(false);
  }
  useEffect(() => {
    if (state.status === "idle" || !state.message) return;
    toast({ id: "slow-mode", message: state.message, tone: state.status === "success" ? "success" : "error" });
  }, [state, toast]);

  function save() {
    // `pending` turns true one render late; this closes the gap for a fast double press.
    if (inFlight.current) return;
    inFlight.current = true;
    const data = new FormData();
    data.set("slug", slug);
    data.set("seconds", String(choice));
    startTransition(() => formAction(data));
  }

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        aria-haspopup="dialog"
        data-testid="slow-mode-button"
        onClick={() => {
          setSeenState(state);
          setChoice(seconds);
          setOpen(true);
        }}
      >
        <SlowModeIcon className="size-4 max-sm:hidden" />
        Slow mode…
      </Button>
      <ModalDialog
        open={open}
        onClose={() => setOpen(false)}
        busy={pending}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        data-testid="slow-mode-dialog"
        className="m-auto max-h-[calc(100dvh-2rem)] w-[min(28rem,calc(100vw-2rem))] overflow-y-auto rounded-2xl border border-line bg-surface p-0 text-ink shadow-2xl shadow-black/20 backdrop:bg-slate-950/50 backdrop:backdrop-blur-[2px] dark:shadow-black/60"
      >
        <form
          className="space-y-5 p-5 sm:p-6"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <div>
            <h2 id={titleId} className="text-lg leading-snug font-semibold tracking-tight">
              Slow mode
            </h2>
            <p id={descriptionId} className="mt-1 text-sm text-pretty text-ink-muted">
              Each member may send one message per wait. You, the host and moderators are exempt.
            </p>
          </div>
          {error ? <FormAlert tone="error">{error}</FormAlert> : null}
          <fieldset>
            <legend className="mb-1.5 text-sm font-medium">One message per member every</legend>
            <div className="grid grid-cols-3 gap-2" data-testid="slow-mode-choices">
              {SLOW_MODE_CHOICES.map((option) => (
                <label
                  key={option.seconds}
                  className="flex cursor-pointer items-center gap-2 rounded-lg border border-line px-3 py-2 text-sm has-checked:border-accent has-checked:bg-accent-soft has-focus-visible:outline-2 has-focus-visible:outline-ring"
                >
                  <input
                    type="radio"
                    name="seconds"
                    value={option.seconds}
                    checked={choice === option.seconds}
                    onChange={() => setChoice(option.seconds)}
                    data-testid={`slow-mode-choice-${option.seconds}`}
                    data-autofocus={option.seconds === focused ? "" : undefined}
                    className="accent-[var(--color-accent)]"
                  />
                  {option.label}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex flex-col-reverse gap-2 border-t border-line pt-4 sm:flex-row sm:justify-end">
            <Button variant="ghost" onClick={() => (pending ? undefined : setOpen(false))}>
              Cancel
            </Button>
            <Button type="submit" pending={pending} pendingText="Saving…" data-testid="slow-mode-save">
              Save
            </Button>
          </div>
        </form>
      </ModalDialog>
    </>
  );
}
