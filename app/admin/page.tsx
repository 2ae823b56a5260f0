import Link from "next/link";
import { startOfDay } from "date-fns";
import { AuditList } from "@/components/admin/audit-list";
import { EmptyState, PageHeader } from "@/components/admin/page-header";
import { linkClass } from "@/components/admin/styles";
import { requireAdminPage } from "@/lib/admin/guard";
import { countOnlineMembers } from "@/lib/db/presence";
import { countMembers } from "@/lib/db/member-list";
import { countMessagesSince } from "@/lib/db/message-list";
import { countLockedRooms } from "@/lib/db/room-admin-list";
import { countAllRooms } from "@/lib/db/topics";
import { countReportedMessages } from "@/lib/db/reports";
import { countOpenSupportRequests } from "@/lib/db/support-requests";
import { latestAuditEntries } from "@/lib/db/audit-log";

export const metadata = { title: "Dashboard" };

interface StatProps {
  label: string;
  value: number;
  href?: string;
  note?: string;
  testId: string;
}

function Stat({ label, value, href, note, testId }: StatProps) {
  const body = (
    <>
      <p className="text-sm font-medium text-ink-muted">{label}</p>
      <p className="mt-1 text-3xl font-bold tracking-tight text-ink tabular-nums" data-testid={testId}>
        {value.toLocaleString("en-US")}
      </p>
      {note ? <p className="mt-1 text-xs text-ink-subtle">{note}</p> : null}
    </>
  );
  const card = "block rounded-xl border border-line bg-surface p-4 transition";
  return href ? (
    <Link
      href={href}
      className={`${card} hover:border-line-strong hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring`}
    >
      {body}
    </Link>
  ) : (
    <div className={card}>{body}</div>
  );
}

export default async function AdminDashboardPage() {
  await requireAdminPage("dashboard");
  const [members, rooms, locked, messagesToday, online, openRequests, reported, latest] = await Promise.all([
    countMembers(),
    countAllRooms(),
    countLockedRooms(),
    countMessagesSince({ since: startOfDay(new Date()) }),
    countOnlineMembers(),
    countOpenSupportRequests(),
    countReportedMessages(),
    latestAuditEntries({ take: 10 }),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader title="Dashboard" description="How the community is doing right now." />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
        <Stat label="Members" value={members} href="/admin/members" note="active accounts" testId="stat-members" />
        <Stat
          label="Rooms"
          value={rooms}
          href="/admin/rooms"
          note={locked ? `${locked} locked` : undefined}
          testId="stat-rooms"
        />
        <Stat
          label="Messages today"
          value={messagesToday}
          href="/admin/messages"
          note="since midnight, server time"
          testId="stat-messages"
        />
        <Stat label="Online now" value={online} note="in at least one room" testId="stat-online" />
        <Stat label="Open support requests" value={openRequests} href="/admin/support" testId="stat-support" />
        <Stat
          label="Reported messages"
          value={reported}
          href="/admin/reports"
          note="waiting for a moderator"
          testId="stat-reports"
        />
      </div>
      <section aria-labelledby="latest-audit">
        <div className="mb-3 flex items-baseline justify-between gap-3">
          <h2 id="latest-audit" className="text-lg font-semibold text-ink">
            Latest actions
          </h2>
          <Link href="/admin/audit" className={`text-sm ${linkClass}`}>
            Full audit log →
          </Link>
        </div>
        {latest.length ? <AuditList entries={latest} /> : <EmptyState>No moderator has acted yet.</EmptyState>}
      </section>
    </div>
  );
}
