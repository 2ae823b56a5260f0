"use client";
// The focus bar above the messages while a session runs: the phase ("Focus 2 of 4", "Break"), the countdown on the
// server's clock, a polite live region that says each phase change (not every second), how many joined, Join / Leave,
// Stop for its starter, the host and moderators, and the messages held until the break. After the session (or after
// leaving) with a goal: "Did you reach your goal?".
import { useState } from "react";
import { useRemainingMs } from "@/components/focus/use-focus-moment";
import { Button } from "@/components/ui/button";
import { formatCountdown, type FocusMoment } from "@/lib/focus/schedule";
import type { ChatViewer } from "./chat-viewer";
import type { FocusHold } from "./use-focus-hold";
import { FocusGoalPrompt } from "./focus-goal-prompt";
import { FocusJoinDialog } from "./focus-join-dialog";
import type { RoomFocus } from "./use-room-focus";

// What the room page needs of focus sessions besides the bar, from one place.
export { FocusPeopleProvider } from "@/components/focus/focus-people";

export interface FocusBarProps {
  focus: RoomFocus;
  moment: FocusMoment | null;
  hold: FocusHold;
  viewer: ChatViewer | null;
}

const ENDED = "Ended";

function phaseLabel(moment: FocusMoment, rounds: number): string {
  if (!("index" in moment)) return moment.kind === "pending" ? "Starting" : ENDED;
  return moment.kind === "focus" ? `Focus ${moment.round + 1} of ${rounds}` : "Break";
}

/** Says a phase change to screen readers once (not the first phase seen: the bar itself is read then). */
function usePhaseAnnouncement(label: string, remaining: string): string {
  const [seen, setSeen] = useState(label);
  const [said, setSaid] = useState("");
  if (label !== seen) {
    setSeen(label);
    if (label === ENDED && seen !== "") setSaid("The focus session has ended.");
    else if (seen !== "" && label !== "") setSaid(`${label}: ${remaining} left.`);
  }
  return said;
}

export function FocusBar({ focus, moment, hold, viewer }: FocusBarProps) {
  const { state, offset, busy } = focus;
  const session = state?.session ?? null;
  const me = state?.me ?? null;
  const [joining, setJoining] = useState(false);
  const phase = moment && "index" in moment ? moment : null;
  const remainingMs = useRemainingMs(phase?.endsAt ?? null, offset);
  const label = moment && session ? phaseLabel(moment, session.rounds) : "";
  const announcement = usePhaseAnnouncement(label, formatCountdown(remainingMs));
  const askGoal = me?.goal && me.goalDone === null && (!me.joined || !focus.running);
  const prompt = askGoal ? (
    <FocusGoalPrompt goal={me.goal ?? ""} pending={busy} onAnswer={(done) => void focus.markGoal(done)} />
  ) : null;
  // Outside the bar, so the end is said too (the bar goes with it).
  const live = (
    <p aria-live="polite" data-testid="focus-announcement" className="sr-only">
      {announcement}
    </p>
  );
  if (!session || !focus.running || !phase)
    return (
      <>
        {live}
        {prompt}
      </>
    );

  const canStop = !!viewer && (viewer.canModerate || session.startedBy?.username === viewer.username);
  const count = session.memberCount;
  return (
    <>
      {live}
      {prompt}
      <div
        role="region"
        aria-label="Focus session"
        data-testid="focus-bar"
        data-phase={phase.kind}
        className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-line bg-sunken/60 px-4 py-2 text-sm sm:px-5"
      >
        <span data-testid="focus-phase" className="font-semibold text-ink">
          {label}
        </span>
        <span
          role="timer"
          aria-label={`${label}, time left`}
          data-testid="focus-countdown"
          data-remaining-ms={remainingMs}
          className="font-mono text-base text-ink tabular-nums"
        >
          {formatCountdown(remainingMs)}
        </span>
        <span data-testid="focus-count" className="text-ink-muted">
          {count === 0 ? "Nobody joined yet" : `${count} ${count === 1 ? "member" : "members"} in it`}
        </span>
        {hold.waiting > 0 ? (
          <span data-testid="focus-held" className="text-ink-muted">
            {hold.waiting} {hold.waiting === 1 ? "message" : "messages"} waiting ·{" "}
            <button type="button" onClick={hold.showNow} className="font-medium text-accent-ink underline">
              Show now
            </button>
          </span>
        ) : null}
        {me?.joined ? (
          <label className="flex items-center gap-1.5 text-ink-muted">
            <input
              type="checkbox"
              checked={me.holdMessages}
              onChange={(event) => void focus.setHold(event.target.checked)}
              data-testid="focus-hold-toggle"
              className="size-4 accent-accent"
            />
            Hold messages
          </label>
        ) : null}
        <span className="ml-auto flex gap-2">
          {viewer?.emailVerified && !me?.joined ? (
            <Button size="sm" onClick={() => setJoining(true)} pending={busy && joining}>
              Join
            </Button>
          ) : null}
          {me?.joined ? (
            <Button size="sm" variant="secondary" onClick={() => void focus.leave()} aria-disabled={busy || undefined}>
              Leave
            </Button>
          ) : null}
          {canStop ? (
            <Button size="sm" variant="ghost" onClick={() => void focus.stop()} aria-disabled={busy || undefined}>
              Stop
            </Button>
          ) : null}
        </span>
      </div>
      <FocusJoinDialog
        key={session.id}
        open={joining}
        onClose={() => setJoining(false)}
        pending={busy}
        initialGoal={me?.goal ?? ""}
        onJoin={(goal, holdMessages) =>
          void focus.join(goal, holdMessages).then((ok) => {
            if (ok) setJoining(false);
          })
        }
      />
    </>
  );
}
