"use client";
// The people panel's building blocks: its frame and sections, a person's row (avatar, online dot,
// "(you)", Host, their focus session status and goal) and the placeholder while presence is loading.
import Link from "next/link";
import { useId, type ReactNode } from "react";
import { FocusNote } from "@/components/focus/focus-people";
import { Avatar } from "@/components/ui/avatar";
import type { Person } from "@/lib/presence/members";

export const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

export function PanelFrame({ children }: { children: ReactNode }) {
  const headingId = useId();
  return (
    <aside aria-labelledby={headingId} data-testid="people-panel" className="space-y-4 px-2 pt-3 pb-4">
      {/* On narrow screens the drawer around the panel shows its own "People" title. */}
      <h2 id={headingId} className="px-2 text-sm font-semibold text-ink max-lg:sr-only">
        People
      </h2>
      {children}
    </aside>
  );
}

export function PanelSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} data-testid={testId}>
      <h3 id={id} className="px-2 pb-1.5 text-xs font-semibold tracking-wide text-ink-subtle uppercase">
        {title}
      </h3>
      {children}
    </section>
  );
}

export function ParticipantsSection({
  people,
  more,
  hostId,
}: {
  people: Person[];
  more: number;
  hostId: string | null;
}) {
  return (
    <PanelSection title="Participants" testId="participants">
      {people.length > 0 ? (
        <ul className="space-y-0.5">
          {people.map((person) => (
            <PersonRow
              key={person.id}
              person={person}
              online={false}
              isViewer={false}
              isHost={person.id === hostId}
              testId="participant"
            />
          ))}
        </ul>
      ) : more === 0 ? (
        <p className="px-2 text-sm text-ink-subtle">No other participants yet.</p>
      ) : null}
      {more > 0 ? (
        <p data-testid="participants-more" className="px-2 pt-1 text-sm text-ink-subtle">
          and {more.toLocaleString("en-US")} more
        </p>
      ) : null}
    </PanelSection>
  );
}

export function PersonRow({
  person,
  online,
  isViewer,
  isHost,
  testId,
}: {
  person: Person;
  online: boolean;
  isViewer: boolean;
  isHost: boolean;
  testId: string;
}) {
  return (
    <li data-testid={testId} data-username={person.username}>
      <Link
        href={`/u/${person.username}`}
        className={`flex items-center gap-2.5 rounded-lg px-2 py-1.5 transition hover:bg-sunken ${focusRing}`}
      >
        <span className="relative shrink-0">
          <Avatar name={person.name} image={person.avatarUrl} size="md" />
          {online ? (
            <span
              aria-hidden="true"
              className="absolute -right-0.5 -bottom-0.5 size-3 rounded-full bg-emerald-500 ring-2 ring-surface"
            />
          ) : null}
        </span>
        <span className="min-w-0 flex-1">
          <span className="flex items-center gap-1.5">
            <span className="truncate text-sm font-medium text-ink">{person.name}</span>
            {isViewer ? <span className="shrink-0 text-xs text-ink-subtle">(you)</span> : null}
            {isHost ? (
              <span
                data-testid="host-mark"
                className="shrink-0 rounded bg-accent-soft px-1.5 py-px text-[0.6875rem] font-medium text-accent-ink"
              >
                Host
              </span>
            ) : null}
          </span>
          <span className="block truncate text-xs text-ink-subtle">@{person.username}</span>
          <FocusNote userId={person.id} />
        </span>
        {online ? <span className="sr-only">(online)</span> : null}
      </Link>
    </li>
  );
}

export function OnlineSkeleton({ label }: { label: string }) {
  return (
    <div role="status" className="space-y-2 px-2 py-1">
      {[0, 1].map((i) => (
        <div key={i} aria-hidden="true" className="flex animate-pulse items-center gap-2.5 motion-reduce:animate-none">
          <span className="size-8 rounded-full bg-sunken" />
          <span className="h-3 w-24 rounded bg-sunken" />
        </div>
      ))}
      <p className="text-xs text-ink-subtle">{label}</p>
    </div>
  );
}
