export function SiteFooter() {
  return (
    <footer className="border-t border-line bg-surface">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-6 text-sm text-ink-muted sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          <span className="font-medium text-ink">© {new Date().getFullYear()} Roomful</span>
          <span aria-hidden="true" className="mx-2 hidden text-line-strong sm:inline">
            ·
          </span>
          <span className="mt-0.5 block sm:mt-0 sm:inline">Open-source topic rooms with live chat</span>
        </p>
        <nav aria-label="Footer">
          <ul className="flex items-center gap-4">
            <li>
              {/* A plain anchor: the health check is JSON, not a page the client router can render. */}
              <a
                href="/api/health"
                className="rounded underline-offset-4 transition hover:text-ink hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
              >
                Status
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
