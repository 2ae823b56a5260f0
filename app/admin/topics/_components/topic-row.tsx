// One topic in the admin list: its room count, and behind "Manage" the forms to rename it and to
// delete it (when empty) or merge it into another (admins, when it has rooms).
import Link from "next/link";
import { AdminActionForm } from "@/components/admin/action-form";
import { AdminDeleteForm } from "@/components/admin/delete-form";
import { linkClass } from "@/components/admin/styles";
import { TOPIC_NAME_MAX } from "@/lib/validation/rooms";
import { deleteTopicAction, mergeTopicAction, renameTopicAction } from "../actions";

export interface TopicRowProps {
  topic: { id: string; name: string; slug: string; roomCount: number };
  isAdmin: boolean;
}

export function TopicRow({ topic, isAdmin }: TopicRowProps) {
  const rooms = `${topic.roomCount} room${topic.roomCount === 1 ? "" : "s"}`;
  return (
    <li className="relative px-4 py-3" data-testid="topic-row" data-topic={topic.slug}>
      {/* The room-count link stays outside the <summary>: a link inside the toggle is
          a control within a control, which screen readers cannot reach or announce. */}
      <p className="min-w-0 pr-20">
        <span className="font-medium text-ink">{topic.name}</span>{" "}
        <span className="text-sm text-ink-subtle">
          /{topic.slug} ·{" "}
          <Link href={`/?topic=${topic.slug}`} className={linkClass} data-testid="topic-room-count">
            {rooms}
          </Link>
        </span>
      </p>
      <details className="group">
        <summary className="absolute top-3.5 right-4 cursor-pointer list-none rounded text-sm font-medium text-accent-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
          <span className="group-open:hidden">Manage</span>
          <span className="hidden group-open:inline">Close</span>
          <span className="sr-only"> {topic.name}</span>
        </summary>
        <div className="mt-4 grid gap-5 border-t border-line pt-4 md:grid-cols-2">
          <AdminActionForm
            action={renameTopicAction}
            recordId={topic.id}
            label={`Rename ${topic.name}`}
            submitLabel="Rename"
            inline
            fields={[{ name: "name", label: "Name", defaultValue: topic.name, maxLength: TOPIC_NAME_MAX }]}
          />
          {topic.roomCount === 0 ? (
            <AdminDeleteForm
              action={deleteTopicAction}
              recordId={topic.id}
              label={`Delete ${topic.name}`}
              submitLabel="Delete topic"
              confirm={{ title: `Delete the topic “${topic.name}”?`, description: "It has no rooms." }}
            />
          ) : isAdmin ? (
            <AdminActionForm
              action={mergeTopicAction}
              recordId={topic.id}
              label={`Merge ${topic.name}`}
              submitLabel="Merge"
              pendingLabel="Merging…"
              inline
              confirm={{
                title: `Merge “${topic.name}”?`,
                description: `Its ${rooms} move to the topic you picked, and “${topic.name}” is deleted. This cannot be undone.`,
              }}
              fields={[
                {
                  name: "into",
                  label: "Merge into",
                  placeholder: "Name of another topic",
                  maxLength: TOPIC_NAME_MAX,
                },
              ]}
            />
          ) : (
            <p className="text-sm text-ink-muted">
              Has rooms, so it cannot be deleted. An admin can merge it into another topic.
            </p>
          )}
        </div>
      </details>
    </li>
  );
}
