// Admin lists keep their whole state (search, filters, sort, page, cursor) in the URL, so every
// view can be linked and reloaded; these build those URLs.

export type Params = Record<string, string | number | undefined>;

/** What Next hands an admin list page: the raw query, parsed by the page's zod schema. */
export interface AdminListPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `pathname` with the non-empty params (and `changes` applied). */
export function hrefWith(pathname: string, params: Params, changes: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) {
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}

/** The URL value of a select whose "all" choice is the default, so it stays out of the URL. */
export function unlessAll<T extends string>(value: T): Exclude<T, "all"> | undefined {
  return value === "all" ? undefined : (value as Exclude<T, "all">);
}
