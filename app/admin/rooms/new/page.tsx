import { PageHeader } from "@/components/admin/page-header";
import { AdminRoomForm } from "@/components/admin/room-form";
import { requireAdminPage } from "@/lib/admin/guard";
import { createRoomAction, previewRoomSlugAction } from "../actions";

export const metadata = { title: "New room" };

export default async function AdminNewRoomPage() {
  await requireAdminPage("roomNew");
  return (
    <div className="max-w-2xl">
      <PageHeader title="New room" description="Open a room for the community; you can host it or name a host." />
      <div className="rounded-xl border border-line bg-surface p-4 sm:p-6">
        <AdminRoomForm
          mode="create"
          action={createRoomAction}
          preview={previewRoomSlugAction}
          values={{ name: "", slug: "", topic: "", description: "", host: "" }}
          cancelHref="/admin/rooms"
        />
      </div>
    </div>
  );
}
