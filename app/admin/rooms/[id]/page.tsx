import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminActionForm, type AdminFormSpec } from "@/components/admin/action-form";
import { Badge } from "@/components/admin/badges";
import { AdminDeleteForm } from "@/components/admin/delete-form";
import { PageHeader, Section } from "@/components/admin/page-header";
import { RestrictionItem } from "@/components/admin/restriction-item";
import { AdminRoomForm } from "@/components/admin/room-form";
import { linkClass } from "@/components/admin/styles";
import { Timestamp } from "@/components/admin/timestamp";
import { requireAdminPage } from "@/lib/admin/guard";
import { findAdminRoom } from "@/lib/db/room-admin-list";
import { entityIdSchema, REASON_MAX } from "@/lib/validation/admin";
import {
  deleteRoomAction,
  lockRoomAction,
  previewRoomSlugAction,
  reassignHostAction,
  unlockRoomAction,
  updateRoomAction,
} from "../actions";

export const metadata = { title: "Edit room" };

// The lock card offers the form for the room's state: unlock it, or lock it (with a reason).
const UNLOCK_FORM = {
  action: unlockRoomAction,
  label: "Unlock room",
  submitLabel: "Unlock",
  pendingLabel: "Unlocking…",
  "data-testid": "unlock-form",
} satisfies AdminFormSpec;
const LOCK_FORM = {
  action: lockRoomAction,
  label: "Lock room",
  pendingLabel: "Locking…",
  "data-testid": "lock-form",
  fields: [{ name: "reason", label: "Reason (optional)", maxLength: REASON_MAX }],
} satisfies AdminFormSpec;

export default async function AdminRoomPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage("roomEdit");
  const id = entityIdSchema.safeParse((await params).id);
  const room = id.success ? await findAdminRoom(id.data) : null;
  if (!room) notFound();

  return (
    <div className="space-y-6">
      <PageHeader
        title={room.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/rooms/${room.slug}`} className={linkClass}>
              /rooms/{room.slug}
            </Link>
            <span>
              · {room.messageCount.toLocaleString("en-US")} messages · {room.participantCount} people
            </span>
            {room.lockedAt ? <Badge tone="warning">Locked</Badge> : null}
          </span>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Section title="Details">
          <AdminRoomForm
            mode="edit"
            roomId={room.id}
            action={updateRoomAction}
            preview={previewRoomSlugAction}
            values={{ name: room.name, slug: room.slug, topic: room.topic.name, description: room.description }}
            cancelHref="/admin/rooms"
          />
        </Section>
        <div className="space-y-6">
          <Section
            title="Host"
            description={
              room.host ? (
                <>
                  Hosted by{" "}
                  <Link className={linkClass} href={`/admin/members/${room.host.username}`}>
                    @{room.host.username}
                  </Link>
                  .
                </>
              ) : (
                "Nobody hosts this room (the host deleted their account)."
              )
            }
          >
            <AdminActionForm
              action={reassignHostAction}
              recordId={room.id}
              label="Reassign host"
              submitLabel="Make host"
              data-testid="reassign-host-form"
              fields={[{ name: "username", label: "New host", placeholder: "@username" }]}
            />
          </Section>
          <Section
            title={room.lockedAt ? "Locked" : "Lock"}
            description={
              room.lockedAt ? (
                <>
                  Read-only since <Timestamp date={room.lockedAt} />
                  {room.lockedBy ? ` (by @${room.lockedBy.username})` : ""}. Nobody can post.
                </>
              ) : (
                "A locked room stays readable but nobody can post in it."
              )
            }
          >
            <AdminActionForm recordId={room.id} {...(room.lockedAt ? UNLOCK_FORM : LOCK_FORM)} />
          </Section>
          <Section title="Muted and banned here">
            {room.restrictions.length === 0 ? (
              <p className="text-sm text-ink-muted">Nobody.</p>
            ) : (
              <ul className="divide-y divide-line" data-testid="room-restrictions">
                {room.restrictions.map((r) => (
                  <RestrictionItem
                    key={r.id}
                    restriction={r}
                    subject={
                      <Link href={`/admin/members/${r.user.username}`} className={linkClass}>
                        @{r.user.username}
                      </Link>
                    }
                    roomSlug={room.slug}
                    user={r.user}
                  />
                ))}
              </ul>
            )}
          </Section>
          <Section title="Delete room" description="The room, its messages and its members list go for good.">
            <AdminDeleteForm
              action={deleteRoomAction}
              recordId={room.id}
              label="Delete room"
              data-testid="delete-room-form"
              confirm={{
                title: `Delete “${room.name}”?`,
                description: `Its ${room.messageCount} messages go with it. People in the room are told at once.`,
              }}
            />
          </Section>
        </div>
      </div>
    </div>
  );
}
