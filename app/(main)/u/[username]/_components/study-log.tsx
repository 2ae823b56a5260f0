// A member's study log on their profile: this week's time, the streak, goals met this week, what they are studying
// now, and their recent sessions with goals (met, not met, not marked). Days and weeks are UTC, as the log counts them.
import Link from "next/link";
import { formatGoalsMet, formatStreak, formatStudyTime } from "@/lib/study/format";
import type { RecentStudySession, StudyLog } from "@/lib/study/study-log";
import { EmptyBox } from "../../../_components/empty-box";

export interface StudyLogViewProps {
  log: StudyLog;
  isSelf: boolean;
  name: string;
}

const sessionDay = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

const OUTCOME = {
  met: {
    label: "Met",
    className: "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-200",
  },
  missed: {
    label: "Not met",
    className: "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-200",
  },
  open: { label: "Not marked", className: "bg-sunken text-ink-muted ring-line-strong" },
} as const;

const outcomeOf = (done: boolean | null) =>
  done === true ? OUTCOME.met : done === false ? OUTCOME.missed : OUTCOME.open;

export function StudyLogView({ log, isSelf, name }: StudyLogViewProps) {
  if (log.recent.length === 0) {
    return (
      <EmptyBox testId="study-log-empty">
        {isSelf
          ? "You have not joined a focus session yet. Join one in a room to start your study log."
          : `${name} has not joined a focus session yet.`}
      </EmptyBox>
    );
  }
  return (
    <div data-testid="study-log" className="rounded-2xl border border-line bg-surface p-4 shadow-sm sm:p-5">
      {log.studyingNow ? (
        <p data-testid="study-now" className="mb-4 rounded-lg bg-accent-soft px-3 py-2 text-sm text-accent-ink">
          <span className="font-semibold">Studying now{log.studyingNow.goal ? ": " : " "}</span>
          {log.studyingNow.goal ? <span className="break-words">{log.studyingNow.goal}</span> : null}
          <span> in </span>
          <Link href={`/rooms/${log.studyingNow.room.slug}`} className="font-medium underline-offset-4 hover:underline">
            {log.studyingNow.room.name}
          </Link>
        </p>
      ) : null}
      <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
        <Stat testId="study-week" label="This week" value={`${formatStudyTime(log.weekMs)} this week`} />
        <Stat testId="study-streak" label="Streak" value={formatStreak(log.streakDays)} />
        <Stat testId="study-goals" label="Goals" value={formatGoalsMet(log.goalsMet, log.goalsSet)} />
      </dl>
      <h3 className="mt-5 mb-2 text-sm font-semibold text-ink">Recent sessions</h3>
      <ol data-testid="study-recent" className="divide-y divide-line">
        {log.recent.map((session) => (
          <RecentRow key={session.sessionId} session={session} />
        ))}
      </ol>
    </div>
  );
}

function Stat({ testId, label, value }: { testId: string; label: string; value: string }) {
  return (
    <div className="rounded-lg bg-sunken/60 px-3 py-2">
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd data-testid={testId} className="font-semibold text-ink">
        {value}
      </dd>
    </div>
  );
}

function RecentRow({ session }: { session: RecentStudySession }) {
  const outcome = outcomeOf(session.goalDone);
  return (
    <li data-testid="study-session" className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2.5 text-sm">
      <span className="min-w-0 flex-1 break-words text-ink">
        {session.goal ?? <span className="text-ink-subtle italic">No goal</span>}
      </span>
      {session.goal ? (
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${outcome.className}`}>
          {outcome.label}
        </span>
      ) : null}
      <span className="w-full text-xs text-ink-muted sm:w-auto">
        <Link href={`/rooms/${session.room.slug}`} className="font-medium text-accent-ink hover:underline">
          {session.room.name}
        </Link>
        {" · "}
        <time dateTime={session.startedAt.toISOString()}>{sessionDay.format(session.startedAt)}</time>
        {" · "}
        {formatStudyTime(session.studyMs)}
      </span>
    </li>
  );
}
