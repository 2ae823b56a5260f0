import Link from "next/link";
import {
  Badge,
  EmptyState,
  Field,
  FilterForm,
  inputClass,
  linkClass,
  PageHeader,
  Pagination,
  SortHeader,
  TableCard,
  Timestamp,
} from "@/components/admin/admin-ui";
import { buttonClasses } from "@/components/ui/button";
import { requireAdminPage } from "@/lib/admin/guard";
import { listAdminRooms } from "@/lib/db/room-admin-list";
import { adminRoomListSchema } from "@/lib/validation/admin";

export const metadata = { title: "Rooms" };

const PATH = "/admin/rooms";

export default async function AdminRoomsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminPage("rooms");
  const params = adminRoomListSchema.parse(await searchParams);
  const { rows, total, page, pageCount } = await listAdminRooms(params);
  const urlParams = {
    q: params.q,
    status: params.status === "all" ? undefined : params.status,
    sort: params.sort,
    dir: params.dir,
  };
  const filtered = Boolean(params.q || params.status !== "all");

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
        <Field label="Search" className="sm:flex-1">
          <input
            type="search"
            name="q"
            defaultValue={params.q}
            placeholder="Name, address, topic or @host"
            className={inputClass}
          />
        </Field>
        <Field label="Show">
          <select name="status" defaultValue={params.status} className={inputClass}>
            <option value="all">All rooms</option>
            <option value="locked">Locked only</option>
          </select>
        </Field>
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
      </FilterForm>
      {rows.length === 0 ? (
        <EmptyState>{filtered ? "No room matches. Try fewer words." : "There are no rooms yet."}</EmptyState>
      ) : (
        <TableCard label="Rooms">
          <thead className="border-b border-line bg-sunken/60 text-ink-muted">
            <tr>
              <SortHeader
                label="Room"
                column="name"
                sort={params.sort}
                dir={params.dir}
                pathname={PATH}
                params={urlParams}
              />
              <th scope="col" className="px-3 py-2 text-left font-semibold">
                Topic
              </th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">
                Host
              </th>
              <SortHeader
                label="People"
                column="participants"
                sort={params.sort}
                dir={params.dir}
                pathname={PATH}
                params={urlParams}
              />
              <SortHeader
                label="Last active"
                column="active"
                sort={params.sort}
                dir={params.dir}
                pathname={PATH}
                params={urlParams}
              />
              <SortHeader
                label="Created"
                column="created"
                sort={params.sort}
                dir={params.dir}
                pathname={PATH}
                params={urlParams}
              />
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
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
                <td className="px-3 py-2.5 text-ink-muted">
                  <Timestamp date={room.lastActivityAt} />
                </td>
                <td className="px-3 py-2.5 text-ink-muted">
                  <Timestamp date={room.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        total={total}
        pathname={PATH}
        params={{ ...urlParams }}
        noun={total === 1 ? "room" : "rooms"}
      />
    </div>
  );
}
