// Paging shapes shared by every list in the data layer: numbered pages for tables, id windows for
// logs and message histories, and the LIKE escape their text filters use.

/** Rows per numbered page in the moderators' tables. */
export const TABLE_PAGE_SIZE = 25;

/** One numbered page of a table, with the total it was cut from. */
export interface Paged<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
}

/** Where a numbered page starts, with the page clamped to what exists (an old link past the end shows the last). */
function pageWindow({ total, page, pageSize }: { total: number; page: number; pageSize: number }): {
  page: number;
  pageCount: number;
  skip: number;
  take: number;
} {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  return { page: current, pageCount, skip: (current - 1) * pageSize, take: pageSize };
}

/** Loads one numbered page: counts, clamps the page, then reads just its rows. */
export async function loadPage<T>({
  page,
  pageSize,
  count,
  read,
}: {
  page: number;
  pageSize: number;
  count: () => Promise<number>;
  read: (window: { skip: number; take: number }) => Promise<T[]>;
}): Promise<Paged<T>> {
  const total = await count();
  const window = pageWindow({ total, page, pageSize });
  // Only skip and take: callers spread the window into Prisma's findMany.
  const rows = await read({ skip: window.skip, take: window.take });
  return { rows, total, page: window.page, pageCount: window.pageCount };
}

/**
 * Which page of a list shown newest first: the newest `take`, the `take` older than `before`, or
 * the `take` newer than `after` (which wins). Positions are ids, or a list's own cursors.
 */
export interface WindowInput<Position = number> {
  before?: Position;
  after?: Position;
  take?: number;
}

/** Whether more entries lie beyond either end of a window paged by id. */
export interface IdWindowEdges {
  hasOlder: boolean;
  hasNewer: boolean;
}

/** Escapes LIKE wildcards so that "%" and "_" typed in a filter match themselves. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The id bound, order and size of one read of a list paged by id. */
interface IdWindowQuery {
  id: { lt: number } | { gt: number } | undefined;
  order: "asc" | "desc";
  take: number;
}

/**
 * One window of a newest-first list paged by id; above `after` it is read upwards, then flipped. One extra row tells
 * whether the list goes on in the direction read.
 */
export async function readIdWindow<T>(
  window: WindowInput,
  defaultTake: number,
  read: (query: IdWindowQuery) => Promise<T[]>,
): Promise<{ rows: T[] } & IdWindowEdges> {
  const { before, after, take = defaultTake } = window;
  if (after !== undefined) {
    const rows = await read({ id: { gt: after }, order: "asc", take: take + 1 });
    return { rows: rows.slice(0, take).reverse(), hasNewer: rows.length > take, hasOlder: true };
  }
  const rows = await read({ id: before !== undefined ? { lt: before } : undefined, order: "desc", take: take + 1 });
  return { rows: rows.slice(0, take), hasOlder: rows.length > take, hasNewer: before !== undefined };
}
