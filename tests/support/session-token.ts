// A session cookie for a test's member, as a sign-in would leave it: a device session row and the JWT naming it.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export async function sessionTokenFor(
  user: { id: string },
  { maxAge = 600, userAgent = "vitest" }: { maxAge?: number; userAgent?: string } = {},
): Promise<string> {
  const { sessionVersion } = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { sessionVersion: true },
  });
  const sid = randomBytes(18).toString("base64url");
  await db.userSession.create({ data: { id: sid, userId: user.id, method: "password", userAgent } });
  return encode({ token: { sub: user.id, sv: sessionVersion, sid }, secret: env().NEXTAUTH_SECRET, maxAge });
}
