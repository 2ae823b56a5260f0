"use client";
// At the end of a focus session (or after leaving it) with a goal set: "Did you reach your goal?" Yes / Not this
// time, stored on the server (FocusMember.goalDone); "Later" only hides it on this page.
import { useState } from "react";
import { Button } from "@/components/ui/button";

export interface FocusGoalPromptProps {
  goal: string;
  pending: boolean;
  onAnswer: (done: boolean) => void;
}

export function FocusGoalPrompt({ goal, pending, onAnswer }: FocusGoalPromptProps) {
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  return (
    <div
      role="region"
      aria-label="Your focus goal"
      data-testid="focus-goal-prompt"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-line bg-accent-soft/40 px-4 py-2 text-sm sm:px-5"
    >
      <p className="min-w-0 flex-1 text-ink">
        Did you reach your goal? <span className="font-medium break-words">“{goal}”</span>
      </p>
      <div className="flex gap-2">
        <Button size="sm" onClick={() => onAnswer(true)} pending={pending}>
          Yes
        </Button>
        <Button size="sm" variant="secondary" onClick={() => onAnswer(false)} aria-disabled={pending || undefined}>
          Not this time
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setHidden(true)}>
          Later
        </Button>
      </div>
    </div>
  );
}
