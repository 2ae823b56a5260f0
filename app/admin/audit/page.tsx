import { AuditList } from "@/components/admin/audit-list";
import {
  CursorPager,
  EmptyState,
  Field,
  FilterForm,
  hrefWith,
  inputClass,
  PageHeader,
} from "@/components/admin/admin-ui";
import { requireAdminPage } from "@/lib/admin/guard";
import { ADMIN_ACTIONS, isAdminActionCode } from "@/lib/admin/registry";
import { listAuditEntries } from "@/lib/db/audit-log";
import { adminAuditListSchema } from "@/lib/validation/admin";

export const metadata = { title: "Audit log" };

const PATH = "/admin/audit";
const auditedActions = Object.entries(ADMIN_ACTIONS).filter(([, def]) => def.audited);

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
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
  const first = entries[0];
  const last = entries.at(-1);

  return (
    <div>
      <PageHeader
        title="Audit log"
        description="Every moderator and admin action, newest first. Entries cannot be changed or deleted."
      />
      <FilterForm label="Search the audit log" clearHref={params.q || action ? PATH : undefined}>
        <Field label="Search" className="sm:flex-1">
          <input
            type="search"
            name="q"
            defaultValue={params.q}
            placeholder="@moderator, room, member, detail"
            className={inputClass}
          />
        </Field>
        <Field label="Action">
          <select name="action" defaultValue={action ?? ""} className={inputClass}>
            <option value="">All actions</option>
            {auditedActions.map(([code, def]) => (
              <option key={code} value={code}>
                {def.label}
              </option>
            ))}
          </select>
        </Field>
      </FilterForm>
      {entries.length === 0 ? (
        <EmptyState>{params.q || action ? "No entry matches." : "Nothing has been recorded yet."}</EmptyState>
      ) : (
        <AuditList entries={entries} exact />
      )}
      <CursorPager
        newerHref={hasNewer && first ? hrefWith(PATH, keep, { after: first.id }) : null}
        olderHref={hasOlder && last ? hrefWith(PATH, keep, { before: last.id }) : null}
      />
    </div>
  );
}
