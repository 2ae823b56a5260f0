import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { hrefWith, type AdminListPageProps } from "@/components/admin/url";
import { requireAdminPage } from "@/lib/admin/guard";
import { listSupportRequests } from "@/lib/db/support-requests";
import { adminSupportListSchema } from "@/lib/validation/admin";
import { SupportRequestItem } from "./_components/support-request-item";

export const metadata = { title: "Support requests" };

const PATH = "/admin/support";
const FILTERS = { OPEN: "Open", HANDLED: "Handled", ALL: "All" } as const;
// Open requests are the default view, so "OPEN" stays out of the URL.
const urlStatus = (status: string) => (status === "OPEN" ? undefined : status);

export default async function AdminSupportPage({ searchParams }: AdminListPageProps) {
  await requireAdminPage("support");
  const params = adminSupportListSchema.parse(await searchParams);
  const { rows, ...paged } = await listSupportRequests(params);

  return (
    <div>
      <PageHeader
        title="Support requests"
        description="Members who need a person's help, e.g. after asking for verification mail too often."
      />
      <nav
        aria-label="Filter requests"
        className="mb-4 flex gap-1 rounded-xl border border-line bg-surface p-1 sm:inline-flex"
      >
        {Object.entries(FILTERS).map(([status, label]) => (
          <Link
            key={status}
            href={hrefWith(PATH, { status: urlStatus(status) })}
            aria-current={params.status === status ? "page" : undefined}
            className={`flex-1 rounded-lg px-4 py-2 text-center text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-ring ${
              params.status === status
                ? "bg-accent-soft text-accent-ink"
                : "text-ink-muted hover:bg-sunken hover:text-ink"
            }`}
          >
            {label}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState>{params.status === "OPEN" ? "No open requests. All caught up." : "No requests here."}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="support-requests">
          {rows.map((r) => (
            <SupportRequestItem key={r.id} request={r} />
          ))}
        </ul>
      )}
      <Pagination
        paged={paged}
        pathname={PATH}
        params={{ status: urlStatus(params.status) }}
        noun={["request", "requests"]}
      />
    </div>
  );
}
