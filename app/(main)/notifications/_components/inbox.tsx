"use client";
// The notifications inbox: the server's first page, older pages on demand, new entries as they arrive (the header's
// bell announces them), marking one read as it opens and all read at once; the bell hears each new unread count.
import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { NOTIFICATION_ARRIVED_EVENT, NOTIFICATIONS_UNREAD_EVENT } from "@/components/notifications/notification-bell";
import { fetchInboxPage, postRead, type InboxItem, type InboxPage } from "./inbox-api";
import { InboxEntry } from "./inbox-entry";

const QUERY_KEY = ["notifications"];

function tellBell(unread: number) {
  window.dispatchEvent(new CustomEvent(NOTIFICATIONS_UNREAD_EVENT, { detail: { unread } }));
}

export function Inbox({ initial }: { initial: InboxPage }) {
  const { toast } = useToast();
  const client = useQueryClient();
  const [marking, setMarking] = useState(false);
  const query = useInfiniteQuery({
    queryKey: QUERY_KEY,
    queryFn: ({ pageParam }) => fetchInboxPage(pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.hasOlder ? (last.entries.at(-1)?.id ?? null) : null),
    initialData: { pages: [initial], pageParams: [null] },
    staleTime: Infinity,
  });
  const entries = query.data.pages.flatMap((page) => page.entries);
  const unread = query.data.pages[0]?.unread ?? 0;

  const update = useCallback(
    (change: (item: InboxItem) => InboxItem, unreadNow: number) =>
      client.setQueryData<InfiniteData<InboxPage, number | null>>(QUERY_KEY, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page, i) => ({
                ...page,
                entries: page.entries.map(change),
                unread: i === 0 ? unreadNow : page.unread,
              })),
            }
          : data,
      ),
    [client],
  );

  // A new entry: read the pages again, so it appears on top with the right count.
  useEffect(() => {
    const onArrived = () => void client.invalidateQueries({ queryKey: QUERY_KEY });
    window.addEventListener(NOTIFICATION_ARRIVED_EVENT, onArrived);
    return () => window.removeEventListener(NOTIFICATION_ARRIVED_EVENT, onArrived);
  }, [client]);

  const open = (item: InboxItem) => {
    if (item.read) return;
    const after = Math.max(0, unread - 1);
    update((entry) => (entry.id === item.id ? { ...entry, read: true } : entry), after);
    tellBell(after);
    // Not awaited: the link opens the message meanwhile (keepalive carries the request through the navigation).
    postRead({ ids: [item.id] }).then(
      ({ unread: now }) => tellBell(now),
      () => undefined,
    );
  };

  const markAll = async () => {
    setMarking(true);
    try {
      const { unread: now } = await postRead({ all: true, upTo: entries[0]?.id });
      update((entry) => ({ ...entry, read: true }), now);
      tellBell(now);
      toast({ message: "All caught up: every notification is marked read.", tone: "success" });
    } catch (error) {
      toast({ message: (error as Error).message, tone: "error" });
    } finally {
      setMarking(false);
    }
  };

  return (
    <section aria-labelledby="inbox-heading">
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div>
          <h1 id="inbox-heading" className="text-3xl font-bold tracking-tight text-ink">
            Notifications
          </h1>
          <p className="mt-1.5 text-ink-muted" data-testid="inbox-unread" aria-live="polite">
            {unread === 0 ? "You are all caught up." : `${unread} unread`}
          </p>
        </div>
        <Button variant="secondary" onClick={markAll} pending={marking} disabled={unread === 0}>
          Mark all read
        </Button>
      </div>

      {entries.length === 0 ? (
        <div className="mt-8 rounded-xl border border-dashed border-line-strong px-6 py-12 text-center">
          <p className="font-semibold text-ink">Nothing here yet</p>
          <p className="mt-1 text-sm text-ink-muted">
            When someone mentions you (@username), replies to one of your messages, or moderators act on something you
            reported, it shows up here.
          </p>
        </div>
      ) : (
        <ul className="mt-6 space-y-2" data-testid="inbox">
          {entries.map((item) => (
            <InboxEntry key={item.id} item={item} onOpen={open} />
          ))}
        </ul>
      )}

      {query.hasNextPage ? (
        <div className="mt-6 flex justify-center">
          <Button
            variant="secondary"
            onClick={() => void query.fetchNextPage()}
            pending={query.isFetchingNextPage}
            pendingText="Loading…"
          >
            Show older
          </Button>
        </div>
      ) : null}
      {query.isError ? (
        <p role="alert" className="mt-4 text-center text-sm text-rose-700 dark:text-rose-300">
          {query.error.message}
        </p>
      ) : null}
    </section>
  );
}
