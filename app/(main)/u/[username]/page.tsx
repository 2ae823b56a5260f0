import type { Metadata, ResolvingMetadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { Avatar } from "@/components/ui/avatar";
import { getCurrentUser } from "@/lib/auth/session";
import type { Profile } from "@/lib/db/profiles";
import { notFoundMetadata, previewMetadata } from "@/lib/site/metadata";
import { usernameParamSchema } from "@/lib/validation/profile";
import { HostedRooms } from "./_components/hosted-rooms";
import { RecentMessages } from "./_components/recent-messages";
import { StudySection, StudySectionSkeleton } from "./_components/study-section";
import { profileOf } from "./profile-data";
import { OutlineIcon } from "@/components/ui/icons";

export const dynamic = "force-dynamic";

interface ProfilePageProps {
  params: Promise<{ username: string }>;
}

async function loadProfile(params: ProfilePageProps["params"]): Promise<Profile> {
  const parsed = usernameParamSchema.safeParse((await params).username);
  const profile = parsed.success ? await profileOf(parsed.data) : null;
  if (!profile) notFound();
  return profile;
}

/**
 * The preview shows name, username and bio, never the email. Profiles are for signed-in members only, so they
 * stay out of search indexes.
 */
export async function generateMetadata({ params }: ProfilePageProps, parent: ResolvingMetadata): Promise<Metadata> {
  const parsed = usernameParamSchema.safeParse((await params).username);
  const profile = parsed.success ? await profileOf(parsed.data) : null;
  if (!profile) return notFoundMetadata("Member not found");
  return {
    ...previewMetadata({
      title: `${profile.name} (@${profile.username})`,
      description: profile.bio || `${profile.name} is a member of Roomful.`,
      path: `/u/${profile.username}`,
      profile: { username: profile.username },
      images: (await parent).openGraph?.images,
    }),
    robots: { index: false },
  };
}

const memberSince = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric" });

const ROLE_LABEL = { MEMBER: null, MODERATOR: "Moderator", ADMIN: "Admin" } as const;

export default async function ProfilePage({ params }: ProfilePageProps) {
  const [profile, viewer] = await Promise.all([loadProfile(params), getCurrentUser()]);
  const isSelf = viewer?.id === profile.id;
  const role = ROLE_LABEL[profile.role];

  return (
    <div className="mx-auto max-w-5xl px-4 pt-8 pb-16 sm:px-6 sm:pt-12">
      <section
        aria-labelledby="profile-name"
        data-testid="profile-card"
        className="relative overflow-hidden rounded-2xl border border-line bg-surface shadow-sm"
      >
        <div
          aria-hidden="true"
          className="h-24 bg-linear-to-r from-indigo-500/90 via-violet-500/80 to-fuchsia-500/70 sm:h-28"
        />
        <div className="px-5 pb-6 sm:px-8">
          <div className="-mt-10 flex flex-wrap items-end justify-between gap-4 sm:-mt-12">
            <div className="rounded-full bg-surface p-1 shadow-sm ring-1 ring-line">
              <Avatar name={profile.name} image={profile.avatarUrl} size="xl" className="sm:size-20" />
            </div>
            {isSelf ? (
              <Link
                href="/settings"
                className="inline-flex h-9 items-center gap-1.5 rounded-lg border border-line-strong bg-surface px-3.5 text-sm font-semibold text-ink shadow-sm transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
              >
                <OutlineIcon className="size-4">
                  <path d="M13.5 3.5l3 3L7 16H4v-3z" />
                </OutlineIcon>
                Edit profile
              </Link>
            ) : null}
          </div>

          <div className="mt-4 min-w-0">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <h1 id="profile-name" className="text-2xl font-bold tracking-tight break-words text-ink sm:text-3xl">
                {profile.name}
              </h1>
              {role ? (
                <span className="inline-flex items-center rounded-full bg-accent-soft px-2.5 py-0.5 text-xs font-semibold text-accent-ink ring-1 ring-accent/15 ring-inset">
                  {role}
                </span>
              ) : null}
              {profile.deactivated ? (
                <span className="inline-flex items-center rounded-full bg-sunken px-2.5 py-0.5 text-xs font-semibold text-ink-muted ring-1 ring-line-strong ring-inset">
                  Deactivated
                </span>
              ) : null}
            </div>
            <p className="mt-0.5 text-base text-ink-muted" data-testid="profile-username">
              @{profile.username}
            </p>
            {profile.bio ? (
              <p
                data-testid="profile-bio"
                className="mt-4 max-w-2xl text-[0.9375rem] leading-relaxed whitespace-pre-line break-words text-ink"
              >
                {profile.bio}
              </p>
            ) : (
              <p className="mt-4 text-sm text-ink-subtle italic">
                {isSelf ? "You have not written a bio yet." : "No bio yet."}
              </p>
            )}
          </div>

          <dl className="mt-6 flex flex-wrap gap-x-8 gap-y-3 border-t border-line pt-5 text-sm">
            <div className="flex items-center gap-2 text-ink-muted">
              <dt className="flex items-center gap-1.5">
                <CalendarIcon className="size-4 text-ink-subtle" />
                Member since
              </dt>
              <dd className="font-medium text-ink">
                <time dateTime={profile.createdAt.toISOString()}>{memberSince.format(profile.createdAt)}</time>
              </dd>
            </div>
            <div className="flex items-center gap-2 text-ink-muted">
              <dt>Rooms hosted</dt>
              <dd className="font-semibold text-ink tabular-nums">{profile.hostedRoomCount}</dd>
            </div>
            <div className="flex items-center gap-2 text-ink-muted">
              <dt>Messages</dt>
              <dd className="font-semibold text-ink tabular-nums">{profile.messageCount}</dd>
            </div>
          </dl>
        </div>
      </section>

      <Suspense fallback={<StudySectionSkeleton />}>
        <StudySection userId={profile.id} viewerId={viewer?.id ?? null} name={profile.name} />
      </Suspense>

      <div className="mt-8 grid gap-8 lg:grid-cols-5">
        <section aria-labelledby="hosted-heading" className="lg:col-span-2">
          <SectionHeading id="hosted-heading" title="Rooms hosted" count={profile.hostedRoomCount} />
          <HostedRooms
            rooms={profile.hostedRooms}
            total={profile.hostedRoomCount}
            isSelf={isSelf}
            name={profile.name}
          />
        </section>
        <section aria-labelledby="messages-heading" className="lg:col-span-3">
          <SectionHeading id="messages-heading" title="Recent messages" />
          <RecentMessages messages={profile.recentMessages} isSelf={isSelf} name={profile.name} />
        </section>
      </div>
    </div>
  );
}

function SectionHeading({ id, title, count }: { id: string; title: string; count?: number }) {
  return (
    <h2 id={id} className="mb-3 flex items-center gap-2 text-sm font-semibold tracking-wide text-ink-muted uppercase">
      {title}
      {count ? (
        <span className="rounded-full bg-sunken px-2 py-0.5 text-xs font-semibold text-ink-muted tabular-nums normal-case">
          {count}
        </span>
      ) : null}
    </h2>
  );
}

function CalendarIcon({ className }: { className?: string }) {
  return (
    <OutlineIcon className={className}>
      <rect x="3" y="4.5" width="14" height="12.5" rx="2" />
      <path d="M3 8.5h14M7 2.75v3.5M13 2.75v3.5" />
    </OutlineIcon>
  );
}
