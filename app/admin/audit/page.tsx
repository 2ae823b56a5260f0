import { AuditList } from "@/components/admin/audit-list";
import { FilterForm, SearchField, SelectField } from "@/components/admin/filter-form";
import { EmptyState, PageHeader } from "@/components/admin/page-header";
import { CursorPager } from "@/components/admin/pagination";
import type { AdminListPageProps } from "@/components/admin/url";
import { requireAdminPage } from "@/lib/admin/guard";
import { ADMIN_ACTIONS, isAdminActionCode } from "@/lib/admin/registry";
import { listAuditEntries } from "@/lib/db/audit-log";
import { adminAuditListSchema } from "@/lib/validation/admin";

export const metadata = { title: "Audit log" };

const PATH = "/admin/audit";
const ACTION_OPTIONS = [
  { value: "", label: "All actions" },
  ...Object.entries(ADMIN_ACTIONS)
    .filter(([, def]) => def.audited)
    .map(([code, def]) => ({ value: code, label: def.label })),
];

export default async function AdminAuditPage({ searchParams }: AdminListPageProps) {
  await requireAdminPage("audit");
  const params = adminAuditListSchema.parse(await searchParams);
  const action = isAdminActionCode(params.action) ? params.action : undefined;
  const { entries, hasNewer, hasOlder } = await listAuditEntries({
    q: params.q,
    action,
    before: params.before,
    after: params.after,
  });
  const keep = { q: params.q, action };

  return (
    <div>
      <PageHeader
        title="Audit log"
        description="Every moderator and admin action, newest first. Entries cannot be changed or deleted."
      />
      <FilterForm label="Search the audit log" clearHref={params.q || action ? PATH : undefined}>
        <SearchField label="Search" name="q" defaultValue={params.q} placeholder="@moderator, room, member, detail" />
        <SelectField label="Action" name="action" defaultValue={action ?? ""} options={ACTION_OPTIONS} />
      </FilterForm>
      {entries.length === 0 ? (
        <EmptyState>{params.q || action ? "No entry matches." : "Nothing has been recorded yet."}</EmptyState>
      ) : (
        <AuditList entries={entries} exact />
      )}
      <CursorPager pathname={PATH} params={keep} items={entries} hasNewer={hasNewer} hasOlder={hasOlder} />
    </div>
  );
}
