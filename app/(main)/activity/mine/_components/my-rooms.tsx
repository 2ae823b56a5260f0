"use client";

import Link from "next/link";
import { useRef } from "react";
import { RelativeTime } from "@/components/relative-time";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { MyRoom } from "@/lib/db/activity";
import { deleteMyRoomAction } from "../actions";
import { EmptyBox } from "../../../_components/empty-box";
import { TopicChip } from "../../../_components/topic-chip";
import { DeleteButton } from "./delete-button";
import { SectionHeading } from "./section-heading";
import { useDeleteFlow } from "./use-delete-flow";

export type MyRoomsItem = Omit<MyRoom, "lastActivityAt">;

export interface MyRoomsProps {
  rooms: MyRoomsItem[];
  /** Every room the member hosts (more than `rooms` when the list was cut). */
  total: number;
}

export function MyRooms({ rooms, total }: MyRoomsProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const flow = useDeleteFlow(
    (room: MyRoomsItem & { key: string }) => deleteMyRoomAction({ slug: room.slug }),
    headingRef,
  );
  const { visible, count } = flow.remaining(rooms, total, (room) => room.id);

  return (
    <section aria-labelledby="my-rooms-heading">
      <SectionHeading id="my-rooms-heading" title="Rooms you host" count={count} ref={headingRef} />
      {visible.length === 0 ? (
        <EmptyBox testId="my-rooms-empty">
          <p>You do not host any rooms.</p>
          <Link
            href="/"
            className="mt-2 inline-block rounded font-medium text-accent-ink underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            Find a room to join
          </Link>
        </EmptyBox>
      ) : (
        <ul data-testid="my-rooms" className="space-y-3">
          {visible.map((room) => (
            <li key={room.id}>
              <article
                data-testid="my-room"
                className="group relative rounded-xl border border-line bg-surface p-4 shadow-sm transition hover:border-accent/40 hover:shadow-md hover:shadow-indigo-900/[0.05] motion-reduce:transition-none"
              >
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <TopicChip name={room.topic.name} maxWidth="max-w-full" />
                    <h3 className="mt-2 font-semibold tracking-tight break-words text-ink group-hover:text-accent-ink">
                      <Link
                        href={`/rooms/${room.slug}`}
                        className="rounded-sm outline-none after:absolute after:inset-0 after:rounded-xl after:content-[''] focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-ring"
                      >
                        {room.name}
                      </Link>
                    </h3>
                  </div>
                  <DeleteButton
                    label={`Delete room ${room.name}`}
                    onClick={() => flow.ask({ ...room, key: room.id })}
                  />
                </div>
                <p className="mt-1.5 text-xs text-ink-subtle">
                  <RelativeTime date={room.createdAt} prefix="opened" /> · {room.participantCount}{" "}
                  {room.participantCount === 1 ? "participant" : "participants"}
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
      {total > rooms.length ? (
        <p className="mt-3 text-sm text-ink-muted">Showing your {rooms.length} newest rooms.</p>
      ) : null}

      <ConfirmDialog
        {...flow.dialog}
        title={flow.target ? `Delete “${flow.target.name}”?` : "Delete room?"}
        description="The room and all its messages are removed for everyone, and anyone in it now is told. This cannot be undone."
        confirmLabel="Delete room"
        cancelLabel="Keep room"
        data-testid="delete-room-dialog"
      />
    </section>
  );
}
