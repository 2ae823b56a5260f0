import Link from "next/link";
import {
  Badge,
  EmptyState,
  RoleBadge,
  Field,
  FilterForm,
  inputClass,
  linkClass,
  PageHeader,
  Pagination,
  TableCard,
  Timestamp,
} from "@/components/admin/admin-ui";
import { Avatar } from "@/components/ui/avatar";
import { requireAdminPage } from "@/lib/admin/guard";
import { searchMembers } from "@/lib/db/member-list";
import { adminMemberListSchema } from "@/lib/validation/admin";

export const metadata = { title: "Members" };

const PATH = "/admin/members";

export default async function AdminMembersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminPage("members");
  const params = adminMemberListSchema.parse(await searchParams);
  const { rows, total, page, pageCount } = await searchMembers(params);
  const urlParams = {
    q: params.q,
    role: params.role === "all" ? undefined : params.role,
    status: params.status === "all" ? undefined : params.status,
  };
  const filtered = Boolean(urlParams.q || urlParams.role || urlParams.status);

  return (
    <div>
      <PageHeader title="Members" description="Find anyone by name, username or email." />
      <FilterForm label="Search members" clearHref={filtered ? PATH : undefined}>
        <Field label="Search" className="sm:flex-1">
          <input
            type="search"
            name="q"
            defaultValue={params.q}
            placeholder="Name, @username or email"
            className={inputClass}
          />
        </Field>
        <Field label="Role">
          <select name="role" defaultValue={params.role} className={inputClass}>
            <option value="all">Any role</option>
            <option value="MEMBER">Members</option>
            <option value="MODERATOR">Moderators</option>
            <option value="ADMIN">Admins</option>
          </select>
        </Field>
        <Field label="Status">
          <select name="status" defaultValue={params.status} className={inputClass}>
            <option value="all">Any status</option>
            <option value="active">Active</option>
            <option value="deactivated">Deactivated</option>
            <option value="unverified">Email not verified</option>
          </select>
        </Field>
      </FilterForm>
      {rows.length === 0 ? (
        <EmptyState>{filtered ? "Nobody matches." : "There are no members yet."}</EmptyState>
      ) : (
        <TableCard label="Members">
          <thead className="border-b border-line bg-sunken/60 text-ink-muted">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-semibold">
                Member
              </th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">
                Email
              </th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">
                Status
              </th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">
                Joined
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
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
                <td className="px-3 py-2.5 text-ink-muted">
                  <Timestamp date={m.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        total={total}
        pathname={PATH}
        params={urlParams}
        noun={total === 1 ? "member" : "members"}
      />
    </div>
  );
}
