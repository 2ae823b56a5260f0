import Link from "next/link";
import { AdminActionForm } from "@/components/admin/action-form";
import { Badge, EmptyState, hrefWith, linkClass, PageHeader, Pagination, Timestamp } from "@/components/admin/admin-ui";
import { requireAdminPage } from "@/lib/admin/guard";
import { listSupportRequests } from "@/lib/db/support-requests";
import { adminSupportListSchema, NOTE_MAX } from "@/lib/validation/admin";
import { supportCloseAction, supportMarkVerifiedAction, supportResendAction } from "./actions";

export const metadata = { title: "Support requests" };

const PATH = "/admin/support";
const FILTERS = [
  { value: "OPEN", label: "Open" },
  { value: "HANDLED", label: "Handled" },
  { value: "ALL", label: "All" },
] as const;

const KIND_LABELS = { RESEND_VERIFICATION: "Verification mail", OTHER: "Other" } as const;

export default async function AdminSupportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminPage("support");
  const params = adminSupportListSchema.parse(await searchParams);
  const { rows, total, page, pageCount } = await listSupportRequests({ status: params.status, page: params.page });

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
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={hrefWith(PATH, { status: f.value === "OPEN" ? undefined : f.value })}
            aria-current={params.status === f.value ? "page" : undefined}
            className={`flex-1 rounded-lg px-4 py-2 text-center text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-ring ${
              params.status === f.value
                ? "bg-accent-soft text-accent-ink"
                : "text-ink-muted hover:bg-sunken hover:text-ink"
            }`}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState>{params.status === "OPEN" ? "No open requests. All caught up." : "No requests here."}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="support-requests">
          {rows.map((r) => (
            <li key={r.id} className="rounded-xl border border-line bg-surface p-4" data-testid="support-request">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={r.status === "OPEN" ? "warning" : "success"}>
                  {r.status === "OPEN" ? "Open" : "Handled"}
                </Badge>
                <span className="font-medium text-ink">{KIND_LABELS[r.kind]}</span>
                <span className="text-sm text-ink-muted">
                  ·{" "}
                  {r.user ? (
                    <Link href={`/admin/members/${r.user.username}`} className={linkClass}>
                      @{r.user.username}
                    </Link>
                  ) : (
                    "no account"
                  )}{" "}
                  · <span className="break-all">{r.email}</span> · <Timestamp date={r.createdAt} />
                </span>
              </div>
              {r.detail ? <p className="mt-2 text-sm text-ink-muted">{r.detail}</p> : null}
              {r.status === "HANDLED" ? (
                <p className="mt-2 text-sm text-ink">
                  <span className="text-ink-muted">
                    Handled{r.handledBy ? ` by @${r.handledBy.username}` : ""}
                    {r.handledAt ? (
                      <>
                        {" "}
                        on <Timestamp date={r.handledAt} />
                      </>
                    ) : null}
                    :
                  </span>{" "}
                  {r.note}
                </p>
              ) : (
                <div className="mt-3 grid gap-4 border-t border-line pt-3 md:grid-cols-[auto_1fr]">
                  {r.user && !r.user.emailVerified ? (
                    <div className="flex flex-wrap gap-2">
                      <AdminActionForm
                        action={supportResendAction}
                        hidden={{ id: r.id }}
                        label={`Resend verification to ${r.email}`}
                        submitLabel="Resend verification"
                        pendingLabel="Sending…"
                      />
                      <AdminActionForm
                        action={supportMarkVerifiedAction}
                        hidden={{ id: r.id }}
                        label={`Mark ${r.email} verified`}
                        submitLabel="Mark verified"
                        pendingLabel="Saving…"
                      />
                    </div>
                  ) : (
                    <p className="text-sm text-ink-muted">
                      {r.user ? "The address is verified now." : "No account uses this address."}
                    </p>
                  )}
                  <AdminActionForm
                    action={supportCloseAction}
                    hidden={{ id: r.id }}
                    label={`Close request from ${r.email}`}
                    submitLabel="Close"
                    pendingLabel="Closing…"
                    inline
                    fields={[{ name: "note", label: "Note", placeholder: "What was done?", maxLength: NOTE_MAX }]}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        total={total}
        pathname={PATH}
        params={{ status: params.status === "OPEN" ? undefined : params.status }}
        noun={total === 1 ? "request" : "requests"}
      />
    </div>
  );
}
