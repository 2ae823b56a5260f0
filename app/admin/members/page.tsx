import Link from "next/link";
import { Badge, RoleBadge } from "@/components/admin/badges";
import { FilterForm, SearchField, SelectField } from "@/components/admin/filter-form";
import { PageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { linkClass } from "@/components/admin/styles";
import { DataTable, DateCell } from "@/components/admin/table";
import { unlessAll, type AdminListPageProps } from "@/components/admin/url";
import { Avatar } from "@/components/ui/avatar";
import { requireAdminPage } from "@/lib/admin/guard";
import { searchMembers } from "@/lib/db/member-list";
import { adminMemberListSchema } from "@/lib/validation/admin";

export const metadata = { title: "Members" };

const PATH = "/admin/members";

const ROLES = [
  { value: "all", label: "Any role" },
  { value: "MEMBER", label: "Members" },
  { value: "MODERATOR", label: "Moderators" },
  { value: "ADMIN", label: "Admins" },
];
const STATUSES = [
  { value: "all", label: "Any status" },
  { value: "active", label: "Active" },
  { value: "deactivated", label: "Deactivated" },
  { value: "unverified", label: "Email not verified" },
];
const COLUMNS = [{ label: "Member" }, { label: "Email" }, { label: "Status" }, { label: "Joined" }];

export default async function AdminMembersPage({ searchParams }: AdminListPageProps) {
  await requireAdminPage("members");
  const params = adminMemberListSchema.parse(await searchParams);
  const { rows, ...paged } = await searchMembers(params);
  const urlParams = { q: params.q, role: unlessAll(params.role), status: unlessAll(params.status) };
  const filtered = Object.values(urlParams).some(Boolean);

  return (
    <div>
      <PageHeader title="Members" description="Find anyone by name, username or email." />
      <FilterForm label="Search members" clearHref={filtered ? PATH : undefined}>
        <SearchField label="Search" name="q" defaultValue={params.q} placeholder="Name, @username or email" />
        <SelectField label="Role" name="role" defaultValue={params.role} options={ROLES} />
        <SelectField label="Status" name="status" defaultValue={params.status} options={STATUSES} />
      </FilterForm>
      <DataTable
        label="Members"
        columns={COLUMNS}
        isEmpty={rows.length === 0}
        emptyText={filtered ? "Nobody matches." : "There are no members yet."}
      >
        {rows.map((m) => (
          <tr key={m.id} data-testid="member-row">
            <td className="px-3 py-2.5">
              <div className="flex items-center gap-3">
                <Avatar name={m.name} image={m.avatarUrl} size="md" />
                <div className="min-w-0">
                  <Link href={`/admin/members/${m.username}`} className={linkClass}>
                    {m.name}
                  </Link>
                  <p className="text-xs text-ink-subtle">@{m.username}</p>
                </div>
              </div>
            </td>
            <td className="px-3 py-2.5 break-all text-ink-muted">{m.email}</td>
            <td className="px-3 py-2.5">
              <div className="flex flex-wrap gap-1">
                <RoleBadge role={m.role} />
                {m.deactivated ? <Badge tone="danger">Deactivated</Badge> : null}
                {!m.emailVerified ? <Badge tone="warning">Unverified</Badge> : null}
              </div>
            </td>
            <DateCell date={m.createdAt} />
          </tr>
        ))}
      </DataTable>
      <Pagination paged={paged} pathname={PATH} params={urlParams} noun={["member", "members"]} />
    </div>
  );
}
