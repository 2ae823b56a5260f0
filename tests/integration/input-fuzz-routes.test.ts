// No 5xx on bad input, route handlers: every app/**/route.ts (found by walking the folder, so a new
// one cannot be left out) is called in-process with malformed route params, query strings and bodies
// (tests/support/fuzz-corpus.ts): NUL bytes and lone surrogates, huge values, wrong JSON types,
// invalid JSON, deep nesting, numbers out of range. Then the query-string readers of every page.
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...(await import("../support/fuzz-scope")).nextCache,
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...(await import("../support/fuzz-scope")).nextServer,
}));
import { disconnectDb } from "@/lib/db/client";
import {
  BAD_BODIES,
  BAD_QUERY_VALUES,
  BAD_TEXT,
  HUGE_TEXT,
  WRONG_VALUES,
  describeValue,
  jsonWith,
} from "../support/fuzz-corpus";
import {
  APP,
  CALLED_ELSEWHERE,
  METHODS,
  ROOT,
  expectNoFailures,
  fx,
  probe,
  refreshFixtures,
  rel,
  routeFiles,
  signIn,
  sources,
} from "../support/fuzz-harness";
import { fuzzScope } from "../support/fuzz-scope";
import { unsubscribeToken } from "@/lib/notifications/unsubscribe";
import { isStorableText } from "@/lib/validation/text";

beforeAll(async () => {
  await refreshFixtures();
});
afterAll(async () => {
  await disconnectDb();
});

// ---------------------------------------------------------------------------------------------
// Route handlers

type Segment = { literal: string } | { param: string; catchAll: boolean };

function segmentsOf(file: string): Segment[] {
  return path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => {
      const match = /^\[(\.\.\.)?(\w+)\]$/.exec(s);
      return match ? { param: match[2] ?? "", catchAll: Boolean(match[1]) } : { literal: s };
    });
}

/** A valid value for each dynamic segment a route may have; a new one must be added here. */
function validSegment(name: string): string {
  const values: Record<string, string> = {
    slug: fx.room.slug,
    id: String(fx.messageId),
    userId: fx.member.id,
    token: unsubscribeToken(fx.member.id),
  };
  const value = values[name];
  if (value === undefined) throw new Error(`input-fuzz: give the route param [${name}] a valid value`);
  return value;
}

const BAD_SEGMENTS = [
  ...BAD_TEXT,
  HUGE_TEXT,
  "\u0000",
  "%00",
  "%",
  "-1",
  "0",
  "1.5",
  "99999999999999999999",
  "",
  "..",
  "a b",
];
const QUERY_NAMES = [
  "q",
  "topic",
  "sort",
  "cursor",
  "limit",
  "before",
  "after",
  "around",
  "changedSince",
  "messageId",
  "v",
];

function urlOf(segments: Segment[], params: Record<string, string>, query = ""): string {
  // The handlers read params from their context; the URL only has to parse (a lone surrogate cannot be encoded).
  const encode = (value: string) => (isStorableText(value) ? encodeURIComponent(value) : "unencodable");
  const parts = segments.map((s) => ("literal" in s ? s.literal : encode(params[s.param] ?? "")));
  return `http://localhost/${parts.join("/")}${query ? `?${query}` : ""}`;
}

function bodyFields(): Record<string, unknown> {
  return {
    body: "hello",
    clientKey: crypto.randomUUID(),
    socketId: "1234.5678",
    socket_id: "1234.5678",
    channel_name: `presence-room-${fx.room.id}`,
    messageId: fx.messageId,
  };
}

describe("route handlers", () => {
  it("finds the route handlers to fuzz (the scan works)", () => {
    expect(routeFiles.map(rel)).toEqual(
      expect.arrayContaining(["app/api/rooms/[slug]/messages/route.ts", "app/api/avatars/[userId]/route.ts"]),
    );
    for (const file of Object.keys(CALLED_ELSEWHERE)) expect(routeFiles.map(rel)).toContain(file);
  });

  it.each(routeFiles.map(rel).filter((f) => !(f in CALLED_ELSEWHERE)))(
    "%s answers malformed input without a 5xx",
    async (file) => {
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      const methods = METHODS.filter((m) => typeof mod[m] === "function");
      expect(methods.length).toBeGreaterThan(0);
      const segments = segmentsOf(path.join(ROOT, file));
      for (const method of methods) {
        await refreshFixtures();
        fuzzScope.ip = `203.0.113.${METHODS.indexOf(method) + 10}`;
        const handler = mod[method] as (request: NextRequest, context: unknown) => Promise<Response>;
        const valid = () =>
          Object.fromEntries(
            segments.flatMap((s) => ("param" in s ? [[s.param, validSegment(s.param)] as const] : [])),
          );
        const hasBody = !["GET", "HEAD", "OPTIONS"].includes(method);
        const send = (
          what: string,
          {
            params = valid(),
            query = "",
            type = "application/json",
            body = hasBody ? JSON.stringify(bodyFields()) : null,
          }: {
            params?: Record<string, string>;
            query?: string;
            type?: string | null;
            body?: string | null;
          } = {},
        ) =>
          probe(`${method} ${file} ${what}`, async () => {
            await signIn(fx.caller);
            const headers: Record<string, string> = { origin: "http://localhost", host: "localhost" };
            if (type) headers["content-type"] = type;
            const request = new NextRequest(urlOf(segments, params, query), {
              method,
              headers,
              body: hasBody ? body : null,
            });
            const context = {
              params: Promise.resolve(
                Object.fromEntries(
                  Object.entries(params).map(([key, value]) => {
                    const segment = segments.find((s) => "param" in s && s.param === key);
                    return [key, segment && "catchAll" in segment && segment.catchAll ? [value] : value];
                  }),
                ),
              ),
            };
            return handler(request, context);
          });

        for (const segment of segments) {
          if (!("param" in segment)) continue;
          for (const bad of BAD_SEGMENTS)
            await send(`[${segment.param}]=${describeValue(bad)}`, { params: { ...valid(), [segment.param]: bad } });
        }
        if (!hasBody) {
          for (const name of QUERY_NAMES) {
            for (const value of BAD_QUERY_VALUES)
              await send(`?${name}=${describeValue(value)}`, { query: `${name}=${value}` });
            await send(`?${name} twice`, { query: `${name}=a&${name}=%00` });
          }
          continue;
        }
        for (const { type, body } of BAD_BODIES)
          await send(`body ${type ?? "untyped"} ${describeValue(body)}`, { type, body });
        for (const key of Object.keys(bodyFields())) {
          for (const bad of [...BAD_TEXT, HUGE_TEXT, ...WRONG_VALUES]) {
            await send(`{${key}: ${describeValue(bad)}}`, { body: jsonWith(bodyFields(), key, bad) });
          }
          for (const bad of BAD_TEXT) {
            const form = new URLSearchParams(
              Object.entries({ ...bodyFields(), [key]: bad }).map(([k, v]) => [k, String(v)]),
            );
            await send(`form ${key}=${describeValue(bad)}`, {
              type: "application/x-www-form-urlencoded",
              body: form.toString(),
            });
          }
        }
      }
      expectNoFailures();
    },
  );
});

// ---------------------------------------------------------------------------------------------
// next-auth's credentials sign-in: our authorize() behind /api/auth/callback/credentials

describe("credentials sign-in (authorize)", () => {
  it("refuses malformed credentials with a sign-in error, never a database error", async () => {
    const { authOptions } = await import("@/lib/auth/options");
    const provider = authOptions().providers.find((p) => p.id === "credentials") as unknown as {
      options: { authorize: (credentials: unknown, req: unknown) => Promise<unknown> };
    };
    const valid = { identifier: "nobody@example.test", password: "not the password" };
    for (const key of Object.keys(valid)) {
      for (const bad of [...BAD_TEXT, HUGE_TEXT, ...WRONG_VALUES]) {
        await probe(`authorize {${key}: ${describeValue(bad)}}`, async () => {
          const error = await provider.options
            .authorize({ ...valid, [key]: bad }, { headers: { "x-forwarded-for": fuzzScope.ip } })
            .then(
              () => new Error("signed in"),
              (e: unknown) => e,
            );
          // next-auth sends the sign-in form these codes; anything else would be a failure shown as "wrong password".
          if (!(error instanceof Error) || !/^(invalid|deactivated|rate_limited:\d+)$/.test(error.message)) throw error;
        });
      }
    }
    expectNoFailures();
  });
});

// ---------------------------------------------------------------------------------------------
// Pages: each page.tsx that reads its query string is listed with its reader and the queries the
// reader's output drives. Bad values must read as invalid input (a message, the default view or an
// empty result): the reader never throws and hands no unstorable text on to a query.

type RawParams = Record<string, string | string[] | undefined>;

const PAGE_READERS: Record<string, (raw: RawParams) => Promise<unknown>> = {
  "app/(main)/page.tsx": async (raw) => {
    const { readFeedParams } = await import("@/app/(main)/_components/feed-url");
    const { findTopic } = await import("@/lib/db/topics");
    const { countRooms, searchRooms } = await import("@/lib/db/rooms");
    const feed = readFeedParams(raw);
    const topic = feed.topic ? await findTopic({ slug: feed.topic }) : undefined;
    if (feed.qError || (feed.topic && !topic)) return feed;
    const filter = { q: feed.q || undefined, topicSlug: topic?.slug };
    await Promise.all([
      searchRooms({ ...filter, sort: feed.sort, cursor: feed.cursor, limit: feed.limit }),
      countRooms(filter),
    ]);
    return feed;
  },
  "app/(main)/topics/page.tsx": async (raw) => {
    const { pageLimitParam, searchQueryParam } = await import("@/lib/validation/rooms");
    const { listTopicsPage } = await import("@/lib/db/topics");
    const limit = pageLimitParam(60, 1000).parse(raw.limit);
    const q = searchQueryParam.safeParse(raw.q);
    if (q.success) await listTopicsPage({ q: q.data || undefined, take: limit });
    return { limit, q: q.data };
  },
  "app/(main)/activity/page.tsx": async (raw) => {
    const { readActivityParams } = await import("@/app/(main)/activity/_components/activity-params");
    const { listRecentActivity } = await import("@/lib/db/activity");
    const params = readActivityParams(raw);
    await listRecentActivity({ topicSlug: params.topic, before: params.before, after: params.after });
    return params;
  },
  "app/(main)/activity/mine/page.tsx": async (raw) =>
    (await import("@/app/(main)/activity/_components/activity-params")).readActivityParams(raw),
  "app/(main)/rooms/[slug]/page.tsx": async (raw) => {
    const { readJumpParam } = await import("@/app/(main)/rooms/[slug]/_components/jump-param");
    const { listMessagesAround } = await import("@/lib/db/messages");
    const jump = readJumpParam(raw);
    if (jump.messageId !== null) await listMessagesAround({ roomId: fx.room.id, id: jump.messageId, limit: 50 });
    return jump;
  },
  "app/(main)/search/messages/page.tsx": async (raw) => {
    // What the page's results run; a refusal (400, 404, 429) is shown as its message.
    const { searchAllMessages } = await import("@/lib/chat/message-search");
    const { AppError } = await import("@/lib/errors");
    return searchAllMessages({ params: raw }, { user: fx.caller, headers: new Headers() }).catch((error: unknown) => {
      if (error instanceof AppError && error.status < 500) return error.message;
      throw error;
    });
  },
  "app/(main)/rooms/new/page.tsx": async (raw) => {
    const { prefill } = await import("@/app/(main)/rooms/new/prefill");
    return { name: prefill(raw.name, 80), topic: prefill(raw.topic, 40) }; // it only refills the form
  },
  "app/(auth)/login/page.tsx": async (raw) =>
    (await import("@/app/(auth)/_lib/callback-url")).safeCallbackUrl(raw.callbackUrl),
  "app/(auth)/reset-password/page.tsx": async (raw) =>
    (await import("@/lib/validation/account")).tokenSchema.safeParse(raw.token).data,
  "app/(auth)/verify-email/page.tsx": async (raw) =>
    (await import("@/lib/validation/account")).tokenSchema.safeParse(raw.token).data,
  "app/(auth)/undo-email-change/page.tsx": async (raw) =>
    (await import("@/lib/auth/email-change-undo")).inspectUndoLink(Array.isArray(raw.token) ? raw.token[0] : raw.token),
  "app/admin/rooms/page.tsx": async (raw) => (await import("@/lib/validation/admin")).adminRoomListSchema.parse(raw),
  "app/admin/topics/page.tsx": async (raw) => (await import("@/lib/validation/admin")).adminTopicListSchema.parse(raw),
  "app/admin/support/page.tsx": async (raw) =>
    (await import("@/lib/validation/admin")).adminSupportListSchema.parse(raw),
  "app/admin/members/page.tsx": async (raw) => {
    const params = (await import("@/lib/validation/admin")).adminMemberListSchema.parse(raw);
    await (await import("@/lib/db/member-list")).searchMembers(params);
    return params;
  },
  "app/admin/messages/page.tsx": async (raw) =>
    (await import("@/lib/validation/admin")).adminMessageListSchema.parse(raw),
  "app/admin/reports/page.tsx": async (raw) => {
    const params = (await import("@/lib/validation/reports")).reportQueueParamsSchema.parse(raw);
    await (await import("@/lib/db/reports")).listReportQueue(params);
    return params;
  },
  "app/admin/audit/page.tsx": async (raw) => {
    const params = (await import("@/lib/validation/admin")).adminAuditListSchema.parse(raw);
    await (await import("@/lib/db/audit-log")).listAuditEntries(params);
    return params;
  },
};

const PAGE_PARAM_NAMES = [
  ...QUERY_NAMES,
  "callbackUrl",
  "token",
  "name",
  "status",
  "role",
  "dir",
  "page",
  "action",
  "room",
  "member",
  "m",
];

/** Every string in what a reader handed on (the page's next step), which must be storable. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

describe("pages' query strings", () => {
  const pageFiles = sources
    .filter((f) => f.endsWith("/page.tsx") && readFileSync(f, "utf8").includes("searchParams"))
    .map(rel);

  it("lists every page that reads its query string", () => {
    expect(pageFiles.length).toBeGreaterThan(5);
    expect(pageFiles.sort()).toEqual(Object.keys(PAGE_READERS).sort());
  });

  it.each(Object.keys(PAGE_READERS))("%s reads malformed query strings as invalid input", async (file) => {
    const read = PAGE_READERS[file];
    if (!read) throw new Error(`no reader for ${file}`);
    for (const name of PAGE_PARAM_NAMES) {
      const values: (string | string[])[] = [
        ...BAD_QUERY_VALUES.map((raw) => new URLSearchParams(`v=${raw}`).get("v") ?? ""),
        ...BAD_TEXT,
        ["a", "\u0000"],
        ["\u0000", "a"],
      ];
      for (const value of values) {
        await probe(`${file} ?${name}=${describeValue(value)}`, async () => {
          const output = await read({ [name]: value });
          const bad = stringsIn(output).find((s) => !isStorableText(s));
          if (bad !== undefined) throw new Error(`handed on unstorable text ${describeValue(bad)}`);
        });
      }
    }
    expectNoFailures();
  });
});

describe("what bad text is answered with", () => {
  it("is a 400 naming the problem, from a JSON body and from a query string", async () => {
    await signIn(fx.caller);
    const messages = (await import(path.join(ROOT, "app/api/rooms/[slug]/messages/route.ts"))) as {
      POST: (request: NextRequest, context: unknown) => Promise<Response>;
    };
    const sent = await messages.POST(
      new NextRequest(`http://localhost/api/rooms/${fx.room.slug}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ body: "hi\u0000", clientKey: crypto.randomUUID() }),
      }),
      { params: Promise.resolve({ slug: fx.room.slug }) },
    );
    expect(sent.status).toBe(400);
    expect(JSON.stringify(await sent.json())).toContain("characters we can't store");

    const rooms = (await import(path.join(ROOT, "app/api/rooms/route.ts"))) as {
      GET: (request: NextRequest) => Promise<Response>;
    };
    const searched = await rooms.GET(new NextRequest("http://localhost/api/rooms?q=%00"));
    expect(searched.status).toBe(400);
    expect(((await searched.json()) as { error: { message: string } }).error.message).toMatch(
      /characters we can't store/,
    );
  });
});
