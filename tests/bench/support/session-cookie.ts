// Signing benchmark members in without the sign-in form: a device session row per member, as a sign-in opens one, and
// the next-auth cookie that names it, signed with the bench app's secret (what a browser sends after signing in).
import { encode } from "next-auth/jwt";
import type pg from "pg";

/** The `Cookie` header value for each of `userIds` (in order); their sessions are `bench-<id>`. */
export async function sessionCookies(client: pg.Client, userIds: string[], secret: string): Promise<string[]> {
  await client.query(
    `INSERT INTO "UserSession" (id, "userId", method) SELECT 'bench-' || id, id, 'password' FROM unnest($1::text[]) AS id
     ON CONFLICT DO NOTHING`,
    [userIds],
  );
  return Promise.all(
    userIds.map(
      async (id) =>
        `next-auth.session-token=${await encode({ token: { sub: id, sv: 0, sid: `bench-${id}` }, secret })}`,
    ),
  );
}
