import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminActionForm } from "@/components/admin/action-form";
import { AuditList } from "@/components/admin/audit-list";
import { Badge, linkClass, PageHeader, RoleBadge, Section, Timestamp } from "@/components/admin/admin-ui";
import { LiftRestrictionButton } from "@/components/moderation/lift-restriction-button";
import { Avatar } from "@/components/ui/avatar";
import { requireAdminPage } from "@/lib/admin/guard";
import { excerpt } from "@/lib/admin/audit";
import { findAdminMember } from "@/lib/db/member-list";
import { listAuditEntriesFor } from "@/lib/db/audit-log";
import { usernameParamSchema } from "@/lib/validation/profile";
import { deleteAllMessagesAction, deleteMessageAction } from "../../messages/actions";
import {
  deactivateMemberAction,
  deleteMemberAction,
  reactivateMemberAction,
  resendVerificationAction,
  setRoleAction,
  verifyEmailAction,
} from "../actions";

export const metadata = { title: "Member" };

const PROVIDER_NAMES: Record<string, string> = { password: "Password", google: "Google", github: "GitHub" };

export default async function AdminMemberPage({ params }: { params: Promise<{ username: string }> }) {
  const viewer = await requireAdminPage("member");
  const username = usernameParamSchema.safeParse(decodeURIComponent((await params).username));
  const member = username.success ? await findAdminMember({ username: username.data }) : null;
  if (!member) notFound();
  const history = await listAuditEntriesFor({ targetType: "user", targetId: member.id });
  const isAdmin = viewer.role === "ADMIN";
  const self = viewer.id === member.id;
  // Moderators act on members only (lib/admin/operations/members.ts says the same to the server).
  const mayManage = !self && (isAdmin || member.role === "MEMBER");

  return (
    <div className="space-y-6">
      <PageHeader
        title={member.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/u/${member.username}`} className={linkClass}>
              @{member.username}
            </Link>
            <span className="break-all">· {member.email}</span>
            <RoleBadge role={member.role} />
            {member.deactivated ? <Badge tone="danger">Deactivated</Badge> : null}
            {member.emailVerified ? (
              <Badge tone="success">Email verified</Badge>
            ) : (
              <Badge tone="warning">Email not verified</Badge>
            )}
          </span>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Section title="Account">
            <div className="flex items-start gap-4">
              <Avatar name={member.name} image={member.avatarUrl} size="xl" />
              <dl className="grid flex-1 grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
                <dt className="text-ink-muted">Joined</dt>
                <dd>
                  <Timestamp date={member.createdAt} />
                </dd>
                <dt className="text-ink-muted">Signs in with</dt>
                <dd data-testid="member-providers">
                  {member.providers.length
                    ? member.providers.map((p) => PROVIDER_NAMES[p] ?? p).join(", ")
                    : "nothing (cannot sign in)"}
                </dd>
                <dt className="text-ink-muted">Messages</dt>
                <dd className="tabular-nums">{member.messageCount.toLocaleString("en-US")}</dd>
                <dt className="text-ink-muted">Rooms</dt>
                <dd>
                  hosts {member.hostedRooms.length}, in {member.joinedRoomCount}
                </dd>
                {member.bio ? (
                  <>
                    <dt className="text-ink-muted">Bio</dt>
                    <dd className="break-words">{member.bio}</dd>
                  </>
                ) : null}
              </dl>
            </div>
          </Section>

          <Section title="Rooms">
            {member.hostedRooms.length + member.joinedRooms.length === 0 ? (
              <p className="text-sm text-ink-muted">Not in any room.</p>
            ) : (
              <ul className="flex flex-wrap gap-2" data-testid="member-rooms">
                {member.joinedRooms.map((room) => (
                  <li key={room.id}>
                    <Link
                      href={`/admin/rooms/${room.id}`}
                      className="inline-flex items-center gap-1.5 rounded-full border border-line px-3 py-1 text-sm hover:bg-sunken focus-visible:outline-2 focus-visible:outline-ring"
                    >
                      {room.name}
                      {member.hostedRooms.some((h) => h.id === room.id) ? <Badge tone="accent">host</Badge> : null}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section
            title="Latest messages"
            description={
              member.messageCount > member.recentMessages.length ? (
                <Link className={linkClass} href={`/admin/messages?member=${member.username}`}>
                  See all {member.messageCount} →
                </Link>
              ) : undefined
            }
          >
            {member.recentMessages.length === 0 ? (
              <p className="text-sm text-ink-muted">No messages.</p>
            ) : (
              <ul className="divide-y divide-line" data-testid="member-messages">
                {member.recentMessages.map((m) => (
                  <li key={m.id} className="flex items-start justify-between gap-3 py-2.5">
                    <div className="min-w-0 text-sm">
                      <p className="break-words text-ink">{excerpt(m.body, 200)}</p>
                      <p className="mt-0.5 text-xs text-ink-subtle">
                        in{" "}
                        <Link href={`/rooms/${m.room.slug}`} className={linkClass}>
                          {m.room.name}
                        </Link>{" "}
                        · <Timestamp date={m.createdAt} />
                      </p>
                    </div>
                    <AdminActionForm
                      action={deleteMessageAction}
                      hidden={{ id: String(m.id) }}
                      label={`Delete message ${m.id}`}
                      submitLabel="Delete"
                      pendingLabel="Deleting…"
                      confirm={{ title: "Delete this message?", description: "It disappears from the room at once." }}
                    />
                  </li>
                ))}
              </ul>
            )}
          </Section>

          {history.length ? (
            <section aria-labelledby="member-history">
              <h2 id="member-history" className="mb-3 text-base font-semibold text-ink">
                What moderators did
              </h2>
              <AuditList entries={history} exact />
            </section>
          ) : null}
        </div>

        <div className="space-y-6">
          {isAdmin ? (
            <Section
              title="Role"
              description={self ? "Your own role. Another admin must exist before you give it up." : undefined}
            >
              <AdminActionForm
                action={setRoleAction}
                hidden={{ id: member.id }}
                label="Change role"
                submitLabel="Change role"
                pendingLabel="Saving…"
                data-testid="role-form"
                fields={[
                  {
                    name: "role",
                    label: "Role",
                    kind: "select",
                    defaultValue: member.role,
                    options: [
                      { value: "MEMBER", label: "Member" },
                      { value: "MODERATOR", label: "Moderator" },
                      { value: "ADMIN", label: "Admin" },
                    ],
                  },
                ]}
              />
            </Section>
          ) : null}

          {!member.emailVerified ? (
            <Section title="Email" description={`${member.email} is not verified yet.`}>
              <div className="flex flex-wrap gap-2">
                <AdminActionForm
                  action={resendVerificationAction}
                  hidden={{ id: member.id }}
                  label="Resend verification mail"
                  submitLabel="Resend verification"
                  pendingLabel="Sending…"
                />
                <AdminActionForm
                  action={verifyEmailAction}
                  hidden={{ id: member.id }}
                  label="Mark email verified"
                  submitLabel="Mark verified"
                  pendingLabel="Saving…"
                />
              </div>
            </Section>
          ) : null}

          {member.restrictions.length ? (
            <Section title="Muted and banned">
              <ul className="divide-y divide-line">
                {member.restrictions.map((r) => (
                  <li key={r.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <span className="min-w-0">
                      <Badge tone={r.kind === "BAN" ? "danger" : "warning"}>
                        {r.kind === "BAN" ? "Banned" : "Muted"}
                      </Badge>{" "}
                      in{" "}
                      <Link className={linkClass} href={`/admin/rooms/${r.room.id}`}>
                        {r.room.name}
                      </Link>
                      {r.until ? (
                        <>
                          {" "}
                          until <Timestamp date={r.until} />
                        </>
                      ) : null}
                      {r.reason ? `: ${r.reason}` : ""}
                    </span>
                    <LiftRestrictionButton kind={r.kind} roomSlug={r.room.slug} user={member} />
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}

          {mayManage ? (
            <Section
              title={member.deactivated ? "Deactivated" : "Deactivate"}
              description={
                member.deactivated
                  ? "Cannot sign in. Their rooms and messages stay."
                  : "Signs them out everywhere at once and keeps them out. Their rooms and messages stay."
              }
            >
              {member.deactivated ? (
                <AdminActionForm
                  action={reactivateMemberAction}
                  hidden={{ id: member.id }}
                  label="Reactivate member"
                  submitLabel="Reactivate"
                  pendingLabel="Saving…"
                  data-testid="reactivate-form"
                />
              ) : (
                <AdminActionForm
                  action={deactivateMemberAction}
                  hidden={{ id: member.id }}
                  label="Deactivate member"
                  submitLabel="Deactivate"
                  pendingLabel="Deactivating…"
                  variant="danger"
                  data-testid="deactivate-form"
                  confirm={{
                    title: `Deactivate @${member.username}?`,
                    description: "They are signed out everywhere at once and cannot sign in until reactivated.",
                  }}
                />
              )}
            </Section>
          ) : null}

          {member.messageCount > 0 ? (
            <Section
              title="Clean up messages"
              description={`Deletes all ${member.messageCount} of their messages, in every room. Open rooms update at once.`}
            >
              <AdminActionForm
                action={deleteAllMessagesAction}
                hidden={{ userId: member.id }}
                label="Delete all messages"
                submitLabel="Delete all messages"
                pendingLabel="Deleting…"
                variant="danger"
                data-testid="delete-all-messages-form"
                confirm={{
                  title: `Delete all of @${member.username}’s messages?`,
                  description: `${member.messageCount} messages disappear from their rooms. This cannot be undone.`,
                }}
              />
            </Section>
          ) : null}

          {isAdmin && !self ? (
            <Section
              title="Delete account"
              description="Their messages stay, shown as “Anonymous User”; rooms they host stay without a host."
            >
              <AdminActionForm
                action={deleteMemberAction}
                hidden={{ id: member.id }}
                label="Delete account"
                submitLabel="Delete account"
                pendingLabel="Deleting…"
                variant="danger"
                data-testid="delete-member-form"
                confirm={{
                  title: `Delete @${member.username}?`,
                  description: "The account goes for good. This cannot be undone.",
                }}
              />
            </Section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
