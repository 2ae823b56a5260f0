export interface SettingsNavItem {
  id: string;
  label: string;
}

export interface SettingsNavProps {
  items: SettingsNavItem[];
}

/** In-page links to each section: a sticky column on wide screens, a scrolling row on phones. */
export function SettingsNav({ items }: SettingsNavProps) {
  return (
    <nav aria-label="Settings sections" className="lg:sticky lg:top-24">
      <ul className="-mx-4 flex gap-1 overflow-x-auto px-4 pb-1 [scrollbar-width:none] sm:mx-0 sm:px-0 lg:flex-col lg:overflow-visible">
        {items.map((item) => (
          <li key={item.id} className="shrink-0">
            <a
              href={`#${item.id}`}
              className="block rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap text-ink-muted transition hover:bg-surface hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring lg:hover:bg-sunken"
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
