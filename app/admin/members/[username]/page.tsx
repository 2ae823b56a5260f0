import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditList } from "@/components/admin/audit-list";
import { PageHeader, Section } from "@/components/admin/page-header";
import { RestrictionItem } from "@/components/admin/restriction-item";
import { linkClass } from "@/components/admin/styles";
import { mayActOn } from "@/lib/admin/access";
import { requireAdminPage } from "@/lib/admin/guard";
import { findAdminMember } from "@/lib/db/member-list";
import { listAuditEntriesFor } from "@/lib/db/audit-log";
import { usernameParamSchema } from "@/lib/validation/profile";
import { MemberAccess } from "./_components/member-access";
import { MemberAccount } from "./_components/member-account";
import { MemberBadges } from "./_components/member-badges";
import { MemberMessages } from "./_components/member-messages";
import { MemberRemoval } from "./_components/member-removal";
import { MemberRooms } from "./_components/member-rooms";

export const metadata = { title: "Member" };

/** The segment may still be percent-encoded; a malformed escape (a hand-made URL) names nobody, not a 500. */
function decodedParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}

export default async function AdminMemberPage({ params }: { params: Promise<{ username: string }> }) {
  const viewer = await requireAdminPage("member");
  const username = usernameParamSchema.safeParse(decodedParam((await params).username));
  const member = username.success ? await findAdminMember(username.data) : null;
  if (!member) notFound();
  const history = await listAuditEntriesFor("user", member.id);
  const isAdmin = viewer.role === "ADMIN";
  const self = viewer.id === member.id;
  // The server's own rule (lib/admin/access.ts), so the page offers only what it would allow.
  const mayActOnMember = mayActOn(viewer, member);
  const mayManage = !self && mayActOnMember;

  return (
    <div className="space-y-6">
      <PageHeader title={member.name} description={<MemberBadges member={member} />} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <MemberAccount member={member} />
          <MemberRooms member={member} />
          <MemberMessages member={member} mayDelete={mayActOnMember} />
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
          <MemberAccess member={member} isAdmin={isAdmin} self={self} mayVerify={mayActOnMember} />
          {member.restrictions.length ? (
            <Section title="Muted and banned">
              <ul className="divide-y divide-line">
                {member.restrictions.map((r) => (
                  <RestrictionItem
                    key={r.id}
                    restriction={r}
                    subject={
                      <>
                        in{" "}
                        <Link className={linkClass} href={`/admin/rooms/${r.room.id}`}>
                          {r.room.name}
                        </Link>
                      </>
                    }
                    roomSlug={r.room.slug}
                    user={member}
                  />
                ))}
              </ul>
            </Section>
          ) : null}
          <MemberRemoval member={member} mayManage={mayManage} mayDelete={isAdmin && !self} />
        </div>
      </div>
    </div>
  );
}
