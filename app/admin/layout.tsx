// The moderator area. Its guard runs before anything renders: everyone below moderator (signed
// out or not) gets the 404 page, as if /admin did not exist. Each page guards itself as well
// (lib/admin/registry.ts), since a layout does not re-run on every client navigation. There is no
// loading.tsx on purpose: it would stream a 200 before a page could answer 404 for an unknown id.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdminArea } from "@/lib/admin/guard";
import { ADMIN_PAGES } from "@/lib/admin/registry";

export const metadata: Metadata = {
  title: { default: "Admin", template: "%s · Admin · Roomful" },
  robots: { index: false },
};
export const dynamic = "force-dynamic";

const navItems = Object.values(ADMIN_PAGES)
  .filter((page) => page.nav)
  .map((page) => ({ href: page.path, label: page.title }));

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdminArea();
  return (
    <div className="mx-auto max-w-7xl px-4 pt-6 pb-16 sm:px-6 sm:pt-8" data-testid="admin-area">
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2 lg:mb-6">
        <p className="text-sm font-semibold tracking-wide text-ink-subtle uppercase">Moderation</p>
        <p className="text-sm text-ink-muted">
          Signed in as <span className="font-medium text-ink">@{user.username}</span> ·{" "}
          <span data-testid="admin-role">{user.role === "ADMIN" ? "Admin" : "Moderator"}</span>
        </p>
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[12rem_minmax(0,1fr)] lg:gap-10">
        <AdminNav items={navItems} />
        <div className="min-w-0">{children}</div>
      </div>
    </div>
  );
}
