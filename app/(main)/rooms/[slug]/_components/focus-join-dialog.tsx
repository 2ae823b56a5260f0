"use client";
// Joining the room's focus session: an optional one-line goal (shown beside your name) and whether to hold incoming
// messages until the break (kept on the server, so a reload keeps it).
import { useId, useState } from "react";
import { FocusDialog } from "@/components/focus/focus-dialog";
import { TextField } from "@/components/ui/text-field";
import { FOCUS_GOAL_MAX } from "@/lib/validation/focus";

export interface FocusJoinDialogProps {
  open: boolean;
  onClose: () => void;
  pending: boolean;
  /** The goal of an earlier join of this session (a rejoin keeps it). */
  initialGoal: string;
  onJoin: (goal: string, holdMessages: boolean) => void;
}

export function FocusJoinDialog({ open, onClose, pending, initialGoal, onJoin }: FocusJoinDialogProps) {
  const [goal, setGoal] = useState(initialGoal);
  const [hold, setHold] = useState(true);
  const holdId = useId();
  const error = goal.trim().length > FOCUS_GOAL_MAX ? `Keep your goal to ${FOCUS_GOAL_MAX} characters.` : undefined;
  return (
    <FocusDialog
      open={open}
      onClose={onClose}
      onSubmit={() => !error && onJoin(goal, hold)}
      title="Join the focus session"
      description="Your goal is shown beside your name in the people panel. At the end you can say whether you reached it."
      submitLabel="Join"
      pending={pending}
      data-testid="focus-join-dialog"
    >
      <TextField
        label="Your goal (optional)"
        name="goal"
        value={goal}
        onChange={(event) => setGoal(event.target.value)}
        maxLength={FOCUS_GOAL_MAX + 20}
        placeholder="e.g. Finish chapter 3"
        hint="One line, up to 140 characters."
        error={error}
        autoComplete="off"
        data-autofocus=""
      />
      <label htmlFor={holdId} className="flex items-start gap-2 text-sm text-ink">
        <input
          id={holdId}
          type="checkbox"
          checked={hold}
          onChange={(event) => setHold(event.target.checked)}
          className="mt-0.5 size-4 accent-accent"
        />
        <span>
          Hold messages until the break
          <span className="block text-ink-muted">A count shows what waits; your own messages always show.</span>
        </span>
      </label>
    </FocusDialog>
  );
}
