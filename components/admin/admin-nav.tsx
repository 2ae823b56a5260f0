"use client";

// The admin area's navigation: a column beside the page from lg up, a row that scrolls sideways
// on phones. The current section is marked with aria-current.
import Link from "next/link";
import { usePathname } from "next/navigation";

export interface AdminNavItem {
  href: string;
  label: string;
}

export interface AdminNavProps {
  items: AdminNavItem[];
}

function isCurrent(pathname: string, href: string): boolean {
  return href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
}

export function AdminNav({ items }: AdminNavProps) {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin sections" className="min-w-0 lg:sticky lg:top-24" data-testid="admin-nav">
      <ul className="-mx-4 flex gap-1 overflow-x-auto px-4 pb-1 [scrollbar-width:none] sm:mx-0 sm:px-0 lg:flex-col lg:overflow-visible">
        {items.map((item) => {
          const current = isCurrent(pathname, item.href);
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring ${
                  current ? "bg-accent-soft text-accent-ink" : "text-ink-muted hover:bg-sunken hover:text-ink"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
