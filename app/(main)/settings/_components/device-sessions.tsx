// Settings → Where you're signed in: every device with a live session, this one first. An async Server Component with
// no props (it reads the signed-in member itself).
import { connection } from "next/server";
import { listDeviceSessions } from "@/lib/auth/device-sessions";
import { oauthProviderName } from "@/lib/auth/oauth-providers";
import { getCurrentUser } from "@/lib/auth/session";
import { DeviceSessionsList } from "./device-sessions-list";

export async function DeviceSessions() {
  await connection();
  const user = await getCurrentUser();
  if (!user) return null;
  const sessions = await listDeviceSessions({ userId: user.id, sessionId: user.sessionId });
  return (
    <DeviceSessionsList
      sessions={sessions.map((session) => ({
        ...session,
        method: session.method === "password" ? "password" : oauthProviderName(session.method),
      }))}
    />
  );
}
