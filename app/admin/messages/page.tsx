import Link from "next/link";
import { FilterForm, SearchField } from "@/components/admin/filter-form";
import { EmptyState, PageHeader } from "@/components/admin/page-header";
import { CursorPager } from "@/components/admin/pagination";
import { linkClass } from "@/components/admin/styles";
import { Timestamp } from "@/components/admin/timestamp";
import { hrefWith, type AdminListPageProps } from "@/components/admin/url";
import { mayActOn } from "@/lib/admin/access";
import { requireAdminPage } from "@/lib/admin/guard";
import { excerpt } from "@/lib/admin/audit";
import { findMemberIdByUsername } from "@/lib/db/users";
import { searchMessages } from "@/lib/db/message-list";
import { findRoomNameBySlug } from "@/lib/db/room-slugs";
import { adminMessageListSchema } from "@/lib/validation/admin";
import { DeleteAllMessagesForm, DeleteMessageForm } from "../_components/message-delete-forms";

export const metadata = { title: "Messages" };

const PATH = "/admin/messages";

export default async function AdminMessagesPage({ searchParams }: AdminListPageProps) {
  const actor = await requireAdminPage("messages");
  const params = adminMessageListSchema.parse(await searchParams);
  const [page, member, room] = await Promise.all([
    searchMessages({
      roomSlug: params.room || undefined,
      username: params.member || undefined,
      q: params.q || undefined,
      before: params.before,
      after: params.after,
    }),
    params.member ? findMemberIdByUsername({ username: params.member }) : null,
    params.room ? findRoomNameBySlug({ slug: params.room }) : null,
  ]);
  const keep = { room: params.room, member: params.member, q: params.q };
  const filtered = Boolean(params.room || params.member || params.q);

  return (
    <div>
      <PageHeader
        title="Messages"
        description="The latest messages in every room. Deleting one removes it from the room at once."
      />
      <FilterForm label="Filter messages" clearHref={filtered ? PATH : undefined}>
        <SearchField
          label="Room address"
          name="room"
          defaultValue={params.room}
          placeholder="python-help"
          className="sm:w-48"
        />
        <SearchField
          label="Member"
          name="member"
          defaultValue={params.member}
          placeholder="@username"
          className="sm:w-48"
        />
        <SearchField label="Text" name="q" defaultValue={params.q} placeholder="Words in the message" />
      </FilterForm>

      {/* Only admins delete what moderators and admins wrote: the forms are offered where the action would pass. */}
      {member && page.messages.length > 0 && mayActOn(actor, member) ? (
        <div className="mb-4 flex flex-col gap-3 rounded-xl border border-rose-200 bg-rose-50/60 p-4 sm:flex-row sm:items-center sm:justify-between dark:border-rose-900 dark:bg-rose-950/30">
          <p className="text-sm text-ink">
            Spam clean-up: delete every message by <span className="font-semibold">@{member.username}</span>
            {room ? ` in “${room.name}”` : " in every room"}.
          </p>
          <DeleteAllMessagesForm
            member={member}
            room={room}
            label={`Delete all messages by @${member.username}`}
            submitLabel="Delete all their messages"
            description="They disappear from the rooms at once."
          />
        </div>
      ) : null}

      {page.messages.length === 0 ? (
        <EmptyState>{filtered ? "No message matches." : "Nobody has written anything yet."}</EmptyState>
      ) : (
        <ul className="divide-y divide-line rounded-xl border border-line bg-surface" data-testid="admin-messages">
          {page.messages.map((m) => (
            <li
              key={m.id}
              className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between"
              data-testid="admin-message"
              data-message-id={m.id}
            >
              <div className="min-w-0">
                <p className="text-sm break-words whitespace-pre-line text-ink">{excerpt(m.body, 400)}</p>
                <p className="mt-1 text-xs text-ink-subtle">
                  {m.author ? (
                    <Link href={hrefWith(PATH, keep, { member: m.author.username })} className={linkClass}>
                      @{m.author.username}
                    </Link>
                  ) : (
                    "Anonymous User"
                  )}{" "}
                  in{" "}
                  <Link href={hrefWith(PATH, keep, { room: m.room.slug })} className={linkClass}>
                    {m.room.name}
                  </Link>{" "}
                  · <Timestamp date={m.createdAt} />
                  {m.editedAt ? " · edited" : ""}
                </p>
              </div>
              {!m.author || mayActOn(actor, { id: m.author.id, role: m.authorRole ?? "MEMBER" }) ? (
                <DeleteMessageForm id={m.id} />
              ) : (
                <p data-testid="admin-message-staff" className="shrink-0 text-xs text-ink-subtle">
                  A staff member’s: only admins delete it.
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <CursorPager
        pathname={PATH}
        params={keep}
        items={page.messages}
        hasNewer={page.hasNewer}
        hasOlder={page.hasOlder}
      />
    </div>
  );
}
