"use client";
// The people panel's live part: "Online now" from the room's presence channel (kept current by
// member_added / member_removed), then the room's other participants as loaded by the server.
// It fills whatever holds it: the room page puts it in a side column from lg up and in a
// slide-in drawer on narrower screens (components/chat/people-drawer.tsx), which scrolls it.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { PresenceChannel } from "pusher-js";
import { useId, useMemo, useState, type ReactNode } from "react";
import { useConnectionStatus } from "@/components/realtime/realtime-provider";
import { useRoomChannel } from "@/components/realtime/use-room-channel";
import { Avatar } from "@/components/ui/avatar";
import {
  offlineParticipants,
  parseMember,
  PARTICIPANTS_SHOWN,
  sortMembers,
  withMember,
  withoutMember,
  type Person,
} from "@/lib/presence/members";

export interface PeoplePanelProps {
  roomId: string;
  viewerId: string | null;
  hostId: string | null;
  /** The newest participants first; more than are shown, so that those online can be left out. */
  participants: Person[];
  /** Every participant of the room. */
  participantTotal: number;
}

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/** pusher-js hands members out as { id, info }. */
function personOf(member: unknown): Person | null {
  const { id, info } = (member ?? {}) as { id?: unknown; info?: unknown };
  return parseMember(id, info);
}

function membersOf(channel: PresenceChannel): Person[] {
  const people: Person[] = [];
  channel.members.each((member: unknown) => {
    const person = personOf(member);
    if (person) people.push(person);
  });
  return sortMembers(people);
}

export function PeoplePanel(props: PeoplePanelProps) {
  // Visitors have no realtime connection (channels need a member), hence no presence.
  return props.viewerId ? <LivePeoplePanel {...props} viewerId={props.viewerId} /> : <VisitorPeoplePanel {...props} />;
}

function LivePeoplePanel({
  roomId,
  viewerId,
  hostId,
  participants,
  participantTotal,
}: PeoplePanelProps & { viewerId: string }) {
  // Null until the subscription tells us who is here.
  const [members, setMembers] = useState<Person[] | null>(null);
  const [refused, setRefused] = useState(false);
  const status = useConnectionStatus();
  const { subscribed } = useRoomChannel(
    roomId,
    {
      "pusher:member_added": (member) => {
        const person = personOf(member);
        if (person) setMembers((list) => (list ? withMember(list, person) : list));
      },
      "pusher:member_removed": (member) => {
        const { id } = (member ?? {}) as { id?: unknown };
        if (typeof id === "string") setMembers((list) => (list ? withoutMember(list, id) : list));
      },
    },
    {
      // Also after every reconnect: the member list is whole again, whatever we missed meanwhile.
      onSubscribed: (channel) => {
        setRefused(false);
        setMembers(membersOf(channel));
      },
      onSubscriptionError: () => setRefused(true),
    },
  );
  // While the connection is down the last list would be a guess: show none rather than a stale one.
  const online = subscribed ? members : null;
  const onlineIds = useMemo(() => new Set((online ?? []).map((m) => m.id)), [online]);
  const rest = offlineParticipants({
    participants,
    total: participantTotal,
    onlineIds,
    viewerId,
    cap: PARTICIPANTS_SHOWN,
  });

  let onlineBody: ReactNode;
  if (online) {
    onlineBody = (
      <>
        <ul className="space-y-0.5">
          {online.map((person) => (
            <PersonRow
              key={person.id}
              person={person}
              online
              isViewer={person.id === viewerId}
              isHost={person.id === hostId}
              testId="online-member"
            />
          ))}
        </ul>
        {online.every((m) => m.id === viewerId) ? (
          <p data-testid="online-alone" className="px-2 pt-1 text-sm text-ink-subtle">
            Nobody else is here right now.
          </p>
        ) : null}
      </>
    );
  } else if (refused) {
    onlineBody = (
      <p className="px-2 text-sm text-ink-subtle">We could not see who is here. Reload the page to try again.</p>
    );
  } else {
    onlineBody = (
      <OnlineSkeleton
        label={
          status === "offline"
            ? "Offline: waiting for the connection…"
            : status === "reconnecting"
              ? "Reconnecting…"
              : "Loading who is here…"
        }
      />
    );
  }

  return (
    <PanelFrame>
      <PanelSection title={online ? `Online now — ${online.length}` : "Online now"}>{onlineBody}</PanelSection>
      <ParticipantsSection people={rest.shown} more={rest.more} hostId={hostId} />
    </PanelFrame>
  );
}

function VisitorPeoplePanel({ hostId, participants, participantTotal }: PeoplePanelProps) {
  const pathname = usePathname();
  const rest = offlineParticipants({
    participants,
    total: participantTotal,
    onlineIds: new Set(),
    viewerId: null,
    cap: PARTICIPANTS_SHOWN,
  });
  return (
    <PanelFrame>
      <p data-testid="people-sign-in" className="mx-2 rounded-lg bg-sunken px-3 py-2 text-sm text-ink-muted">
        <Link
          href={`/login?callbackUrl=${encodeURIComponent(pathname)}`}
          className={`rounded-sm font-medium text-accent-ink underline-offset-2 hover:underline ${focusRing}`}
        >
          Sign in
        </Link>{" "}
        to see who is here now.
      </p>
      <ParticipantsSection people={rest.shown} more={rest.more} hostId={hostId} />
    </PanelFrame>
  );
}

function PanelFrame({ children }: { children: ReactNode }) {
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

function PanelSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
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

function ParticipantsSection({ people, more, hostId }: { people: Person[]; more: number; hostId: string | null }) {
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

function PersonRow({
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
        </span>
        {online ? <span className="sr-only">(online)</span> : null}
      </Link>
    </li>
  );
}

function OnlineSkeleton({ label }: { label: string }) {
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
