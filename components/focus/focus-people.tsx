"use client";
// Who is in the room's focus session, for the people panel: each joined member's goal and whether the session is in a
// focus phase or a break. The room page provides it; rows outside a focus room read nothing.
import { createContext, useContext, type ReactNode } from "react";

export interface FocusPeople {
  /** Joined members by user id, with their goal. */
  members: ReadonlyMap<string, { goal: string | null }>;
  phase: "focus" | "break" | null;
}

const FocusPeopleContext = createContext<FocusPeople | null>(null);

export function FocusPeopleProvider({ value, children }: { value: FocusPeople; children: ReactNode }) {
  return <FocusPeopleContext value={value}>{children}</FocusPeopleContext>;
}

/** "Focusing · Finish chapter 3" under a member's name while they are in a running session. */
export function FocusNote({ userId }: { userId: string }) {
  const focus = useContext(FocusPeopleContext);
  const member = focus?.phase ? focus.members.get(userId) : undefined;
  if (!focus?.phase || !member) return null;
  const status = focus.phase === "focus" ? "Focusing" : "On break";
  return (
    <span data-testid="person-focus" data-phase={focus.phase} className="block truncate text-xs text-ink-muted">
      <span className={focus.phase === "focus" ? "font-medium text-accent-ink" : "font-medium text-emerald-700"}>
        {status}
      </span>
      {member.goal ? (
        <>
          <span aria-hidden="true"> · </span>
          <span className="sr-only">, goal: </span>
          <span data-testid="person-focus-goal" title={member.goal}>
            {member.goal}
          </span>
        </>
      ) : null}
    </span>
  );
}
