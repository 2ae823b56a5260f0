import Link from "next/link";

/** An unknown room, member or page inside the admin area (moderators only reach this one). */
export default function AdminNotFound() {
  return (
    <div className="rounded-xl border border-line bg-surface px-6 py-12 text-center" data-testid="admin-not-found">
      <p className="text-4xl font-bold text-ink-subtle">404</p>
      <h1 className="mt-2 text-xl font-semibold text-ink">Not found</h1>
      <p className="mt-2 text-ink-muted">It may have been deleted or renamed.</p>
      <Link
        href="/admin"
        className="mt-6 inline-block rounded text-sm font-medium text-accent-ink underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        Back to the dashboard
      </Link>
    </div>
  );
}
