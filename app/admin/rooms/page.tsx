import Link from "next/link";
import { Badge } from "@/components/admin/badges";
import { FilterForm, SearchField, SelectField } from "@/components/admin/filter-form";
import { PageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { linkClass } from "@/components/admin/styles";
import { DataTable, DateCell } from "@/components/admin/table";
import { unlessAll, type AdminListPageProps } from "@/components/admin/url";
import { buttonClasses } from "@/components/ui/button";
import { requireAdminPage } from "@/lib/admin/guard";
import { listAdminRooms } from "@/lib/db/room-admin-list";
import { adminRoomListSchema } from "@/lib/validation/admin";

export const metadata = { title: "Rooms" };

const PATH = "/admin/rooms";

const SHOW = [
  { value: "all", label: "All rooms" },
  { value: "locked", label: "Locked only" },
];
const COLUMNS = [
  { label: "Room", column: "name" },
  { label: "Topic" },
  { label: "Host" },
  { label: "People", column: "participants" },
  { label: "Last active", column: "active" },
  { label: "Created", column: "created" },
];

export default async function AdminRoomsPage({ searchParams }: AdminListPageProps) {
  await requireAdminPage("rooms");
  const params = adminRoomListSchema.parse(await searchParams);
  const { rows, ...paged } = await listAdminRooms(params);
  // Links keep the filters and the sort; only the filters make the list "filtered".
  const filters = { q: params.q, status: unlessAll(params.status) };
  const filtered = Object.values(filters).some(Boolean);
  const urlParams = { ...filters, sort: params.sort, dir: params.dir };

  return (
    <div>
      <PageHeader
        title="Rooms"
        description="Search, sort and open any room to edit, lock, move or delete it."
        actions={
          <Link href="/admin/rooms/new" className={buttonClasses({ size: "md" })} data-testid="new-room-link">
            New room
          </Link>
        }
      />
      <FilterForm label="Search rooms" clearHref={filtered ? PATH : undefined}>
        <SearchField label="Search" name="q" defaultValue={params.q} placeholder="Name, address, topic or @host" />
        <SelectField label="Show" name="status" defaultValue={params.status} options={SHOW} />
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
      </FilterForm>
      <DataTable
        label="Rooms"
        columns={COLUMNS}
        sorting={{ sort: params.sort, dir: params.dir, pathname: PATH, params: urlParams }}

        isEmpty={rows.length === 0}
        emptyText={filtered ? "No room matches. Try fewer words." : "There are no rooms yet."}
      >
        {rows.map((room) => (
          <tr key={room.id} data-testid="room-row" className="align-top">
            <td className="px-3 py-2.5">
              <Link href={`/admin/rooms/${room.id}`} className={linkClass}>
                {room.name}
              </Link>
              <div className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-ink-subtle">
                <span className="font-mono">/{room.slug}</span>
                {room.lockedAt ? <Badge tone="warning">Locked</Badge> : null}
              </div>
            </td>
            <td className="px-3 py-2.5 text-ink-muted">{room.topic.name}</td>
            <td className="px-3 py-2.5 text-ink-muted">
              {room.host ? (
                <Link href={`/admin/members/${room.host.username}`} className={linkClass}>
                  @{room.host.username}
                </Link>
              ) : (
                <span className="text-ink-subtle">none</span>
              )}
            </td>
            <td className="px-3 py-2.5 tabular-nums">{room.participantCount}</td>
            <DateCell date={room.lastActivityAt} />
            <DateCell date={room.createdAt} />
          </tr>
        ))}
      </DataTable>
      <Pagination paged={paged} pathname={PATH} params={urlParams} noun={["room", "rooms"]} />
    </div>
  );
}
