export type AvatarSize = "xs" | "sm" | "md" | "lg" | "xl";

export interface AvatarProps {
  /** The person's display name: the accessible name, the source of the initials and the colour. */
  name: string;
  image?: string | null;
  size?: AvatarSize;
  className?: string;
}

const sizeClasses: Record<AvatarSize, string> = {
  xs: "size-5 text-[0.5625rem]",
  sm: "size-6 text-[0.625rem]",
  md: "size-8 text-xs",
  lg: "size-10 text-sm",
  xl: "size-16 text-xl",
};

const sizePixels: Record<AvatarSize, number> = { xs: 20, sm: 24, md: 32, lg: 40, xl: 64 };

// Every colour keeps white initials at or above 4.5:1 contrast.
const palette = [
  "bg-indigo-600",
  "bg-violet-700",
  "bg-fuchsia-700",
  "bg-rose-700",
  "bg-amber-700",
  "bg-emerald-700",
  "bg-teal-700",
  "bg-sky-700",
] as const;

/** FNV-1a: cheap, stable across server and browser, so a name keeps its colour everywhere. */
function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function avatarColor(name: string): string {
  return palette[hashName(name.trim().toLowerCase()) % palette.length] ?? palette[0];
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  // Array.from keeps surrogate pairs (emoji, many scripts) whole instead of splitting them.
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]];
  const result = letters
    .map((word) => (word ? (Array.from(word)[0] ?? "") : ""))
    .join("")
    .toUpperCase();
  return result || "?";
}

export function Avatar({ name, image, size = "md", className = "" }: AvatarProps) {
  const base = `inline-flex shrink-0 select-none items-center justify-center overflow-hidden rounded-full ${sizeClasses[size]} ${className}`;

  if (image) {
    const px = sizePixels[size];
    return (
      // Avatars may be data URLs or any OAuth host, which next/image cannot be configured for ahead of time.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={image}
        alt={name}
        width={px}
        height={px}
        loading="lazy"
        decoding="async"
        className={`${base} bg-sunken object-cover`}
      />
    );
  }

  // Initials are drawn by CSS, not text: a control named by words ("Account menu for Ada Lovelace") that leaves out
  // visible text ("AL") fails label-in-name for voice control users (WCAG 2.5.3).
  return (
    <span
      role="img"
      aria-label={name}
      title={name}
      data-initials={initials(name)}
      className={`${base} ${avatarColor(name)} font-semibold text-white before:content-[attr(data-initials)]`}
    />
  );
}

/** What a deleted account's messages show for their author. */
export const ANONYMOUS_NAME = "Anonymous User";

/** A neutral, colourless avatar for an author whose account was deleted. */
export function AnonymousAvatar({ size = "md" }: { size?: AvatarSize }) {
  return (
    <span
      role="img"
      aria-label={ANONYMOUS_NAME}
      data-testid="anonymous-avatar"
      className={`inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full bg-sunken text-ink-subtle ring-1 ring-line-strong ring-inset ${sizeClasses[size]}`}
    >
      <svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" className="size-3/5 translate-y-[8%]">
        <circle cx="12" cy="8" r="4.25" />
        <path d="M3.5 21.5c.9-4.6 4.2-7.25 8.5-7.25s7.6 2.65 8.5 7.25z" />
      </svg>
    </span>
  );
}

export interface AuthorAvatarProps {
  /** Null for a deleted account. */
  author: { name: string; avatarUrl: string | null } | null;
  size?: AvatarSize;
}

/** A message's or an entry's author: their avatar, or the anonymous one. */
export function AuthorAvatar({ author, size = "md" }: AuthorAvatarProps) {
  return author ? <Avatar name={author.name} image={author.avatarUrl} size={size} /> : <AnonymousAvatar size={size} />;
}
