import { AdminActionForm } from "@/components/admin/action-form";
import { FilterForm, SearchField } from "@/components/admin/filter-form";
import { EmptyState, PageHeader, Section } from "@/components/admin/page-header";
import type { AdminListPageProps } from "@/components/admin/url";
import { requireAdminPage } from "@/lib/admin/guard";
import { listAdminTopics } from "@/lib/db/topics";
import { adminTopicListSchema } from "@/lib/validation/admin";
import { TOPIC_NAME_MAX } from "@/lib/validation/rooms";
import { TopicRow } from "./_components/topic-row";
import { createTopicAction } from "./actions";

export const metadata = { title: "Topics" };

export default async function AdminTopicsPage({ searchParams }: AdminListPageProps) {
  const user = await requireAdminPage("topics");
  const { q } = adminTopicListSchema.parse(await searchParams);
  const topics = await listAdminTopics({ q });
  const isAdmin = user.role === "ADMIN";

  return (
    <div className="space-y-6">
      <PageHeader
        title="Topics"
        description="Rooms are filed under topics. Rename a typo, merge duplicates, delete what is empty."
      />
      <Section title="New topic">
        <AdminActionForm
          action={createTopicAction}
          label="New topic"
          submitLabel="Create topic"
          pendingLabel="Creating…"
          variant="primary"
          size="md"
          inline
          data-testid="create-topic-form"
          fields={[{ name: "name", label: "Name", maxLength: TOPIC_NAME_MAX, placeholder: "e.g. Gardening" }]}
        />
      </Section>
      <div>
        <FilterForm label="Search topics" clearHref={q ? "/admin/topics" : undefined}>
          <SearchField label="Search" name="q" defaultValue={q} placeholder="Topic name" />
        </FilterForm>
        {topics.length === 0 ? (
          <EmptyState>{q ? "No topic matches." : "There are no topics yet."}</EmptyState>
        ) : (
          <ul className="divide-y divide-line rounded-xl border border-line bg-surface" data-testid="topic-list">
            {topics.map((topic) => (
              <TopicRow key={topic.id} topic={topic} isAdmin={isAdmin} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
