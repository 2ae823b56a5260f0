import type { Metadata } from "next";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { decodeActivityCursor, findMyActivity } from "@/lib/db/activity";
import { activityHref, readActivityParams } from "../_components/activity-params";
import { BackLink } from "../../_components/back-link";
import { Pager } from "../_components/pager";
import { MyMessages } from "./_components/my-messages";
import { MyRooms } from "./_components/my-rooms";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "My activity", robots: { index: false } };

const MESSAGES_PER_PAGE = 30;

interface MyActivityPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function MyActivityPage({ searchParams }: MyActivityPageProps) {
  const { before } = readActivityParams(await searchParams);
  const user = await requireUserOrRedirect(activityHref("/activity/mine", { before }));
  const activity = await findMyActivity({ userId: user.id, before, messagesTake: MESSAGES_PER_PAGE });

  const olderHref = activity.olderCursor ? activityHref("/activity/mine", { before: activity.olderCursor }) : null;
  // Keyset pages go one way; "newer" returns to the newest page.
  const paged = decodeActivityCursor(before) !== null;
  const newerHref = paged ? "/activity/mine" : null;

  return (
    <div className="mx-auto max-w-5xl px-4 pt-8 pb-16 sm:px-6 sm:pt-12">
      <BackLink href="/activity" look="plain" className="mb-4">
        Recent activity
      </BackLink>
      <h1 className="text-3xl font-bold tracking-tight text-ink">My activity</h1>
      <p className="mt-1.5 max-w-2xl text-ink-muted">
        The rooms you opened and the messages you sent, newest first. Delete anything you no longer want here.
      </p>

      <div className="mt-8 grid gap-8 lg:grid-cols-5">
        <div className="min-w-0 lg:col-span-2">
          <MyRooms rooms={activity.rooms} total={activity.roomCount} />
        </div>
        <div className="min-w-0 lg:col-span-3">
          <MyMessages
            messages={activity.messages}
            total={activity.messageCount}
            paged={paged}
            pager={<Pager newerHref={newerHref} olderHref={olderHref} />}
          />
        </div>
      </div>
    </div>
  );
}
