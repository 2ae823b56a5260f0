"use client";
// The room edit page's "Weekly study board" switch, saved with a toast. Members who hid their study log never appear
// on the board, whatever this says.
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxCard } from "@/components/ui/checkbox-card";
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
      <CheckboxCard
        key={String(current)}
        name="enabled"
        defaultChecked={current}
        testId="study-board-checkbox"
        label="Show a weekly study board"
        hint="The room page lists members by their time in this room's focus sessions this week. Members who hid their study log are never listed."
      />
      <div className="flex justify-end">
        <Button type="submit" pending={pending} pendingText="Saving…" data-testid="study-board-save">
          Save board setting
        </Button>
      </div>
    </form>
  );
}
