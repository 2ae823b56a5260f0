// The request scope the fuzz tests (tests/integration/input-fuzz-*.test.ts) give the code under
// test in place of Next's: the caller's session cookie, request headers, and after() (run once the
// call has answered, as Next does, and awaited before the next call). No imports: mock factories load it.

export const fuzzScope = {
  token: undefined as string | undefined,
  ip: "198.51.100.1",
  later: [] as unknown[],
};

/** next/headers: cookies() with the session cookie only, headers() with the scope's client address. */
export function nextHeaders() {
  const hasSession = (name: string) => name.endsWith("session-token") && fuzzScope.token !== undefined;
  return {
    cookies: () =>
      Promise.resolve({
        get: (name: string) => (hasSession(name) ? { name, value: fuzzScope.token } : undefined),
        getAll: () => [],
        has: hasSession,
        set: () => undefined,
        delete: () => undefined,
      }),
    headers: () =>
      Promise.resolve(new Headers({ "x-forwarded-for": fuzzScope.ip, host: "localhost", "user-agent": "fuzz" })),
  };
}

/** next/cache's revalidation, which needs Next's own store, as no-ops. */
export const nextCache = {
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
};

/** next/server's after(): queued on the scope. */
export const nextServer = {
  after: (task: unknown) => {
    fuzzScope.later.push(Promise.resolve().then(() => (typeof task === "function" ? (task as () => unknown)() : task)));
  },
};
