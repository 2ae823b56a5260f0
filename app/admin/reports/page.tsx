import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/admin/page-header";
import { pagerLinkClass } from "@/components/admin/styles";
import { hrefWith, type AdminListPageProps } from "@/components/admin/url";
import { mayActOn } from "@/lib/admin/access";
import { requireAdminPage } from "@/lib/admin/guard";
import { listReportQueue } from "@/lib/db/reports";
import { reportCursorOf, reportQueueParamsSchema } from "@/lib/validation/reports";
import { ReportEntry } from "./_components/report-entry";

export const metadata = { title: "Reports" };

const PATH = "/admin/reports";

export default async function AdminReportsPage({ searchParams }: AdminListPageProps) {
  const actor = await requireAdminPage("reports");
  const params = reportQueueParamsSchema.parse(await searchParams);
  const { entries, hasMore } = await listReportQueue({ after: params.after });
  const last = entries.at(-1);

  return (
    <div>
      <PageHeader
        title="Reports"
        description="Messages members reported, the longest waiting first. Any answer closes every report of the message."
      />
      {entries.length === 0 ? (
        <EmptyState>{params.after ? "No more reports." : "Nothing is waiting: no open reports."}</EmptyState>
      ) : (
        <ul className="divide-y divide-line rounded-xl border border-line bg-surface" data-testid="report-queue">
          {entries.map((entry) => (
            <ReportEntry key={entry.messageId} entry={entry} mayAct={!entry.author || mayActOn(actor, entry.author)} />
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="mt-4 flex justify-end gap-2 text-sm">
        {params.after ? (
          <Link href={PATH} className={pagerLinkClass}>
            ← Oldest first
          </Link>
        ) : null}
        {hasMore && last ? (
          <Link href={hrefWith(PATH, {}, { after: reportCursorOf(last) })} rel="next" className={pagerLinkClass}>
            Newer reports →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
