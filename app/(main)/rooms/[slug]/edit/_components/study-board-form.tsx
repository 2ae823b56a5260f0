"use client";
// The room edit page's "Weekly study board" switch, saved with a toast. Members who hid their study log never appear
// on the board, whatever this says.
import { useActionState, useEffect, useId } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toast";
import { initialFormState } from "@/lib/form-state";
import { setStudyBoardAction } from "../study-board-actions";

export interface StudyBoardFormProps {
  slug: string;
  enabled: boolean;
}

export function StudyBoardForm({ slug, enabled }: StudyBoardFormProps) {
  const [state, formAction, pending] = useActionState(setStudyBoardAction, initialFormState);
  const { toast } = useToast();
  const hintId = useId();
  useEffect(() => {
    if (state.status === "idle" || !state.message) return;
    toast({ id: "study-board", message: state.message, tone: state.status === "success" ? "success" : "error" });
  }, [state, toast]);
  const saved = state.status === "success" ? state.values?.enabled : undefined;
  const current = saved === undefined ? enabled : saved === "on";

  return (
    <form action={formAction} noValidate className="space-y-4" data-testid="study-board-form">
      {state.status === "error" ? <FormAlert tone="error">{state.message}</FormAlert> : null}
      <input type="hidden" name="slug" value={slug} />
      <label
        key={String(current)}
        className="flex cursor-pointer items-start gap-3 rounded-lg border border-line px-3 py-3 hover:bg-sunken has-checked:border-accent"
      >
        <input
          type="checkbox"
          name="enabled"
          defaultChecked={current}
          aria-describedby={hintId}
          data-testid="study-board-checkbox"
          className="mt-0.5 size-4 accent-accent"
        />
        <span className="flex flex-col text-sm font-medium text-ink">
          Show a weekly study board
          <span id={hintId} className="font-normal text-ink-muted">
            The room page lists members by their time in this room&apos;s focus sessions this week. Members who hid
            their study log are never listed.
          </span>
        </span>
      </label>
      <div className="flex justify-end">
        <Button type="submit" pending={pending} pendingText="Saving…" data-testid="study-board-save">
          Save board setting
        </Button>
      </div>
    </form>
  );
}
