// What the connection badge and the composer show, from pusher-js's connection states
// (initialized, connecting, connected, unavailable, failed, disconnected) and the browser's
// own online flag.
export type ConnectionStatus = "disabled" | "connecting" | "connected" | "reconnecting" | "offline";

export function connectionStatusOf(
  state: string,
  { wasConnected, online }: { wasConnected: boolean; online: boolean },
): ConnectionStatus {
  if (!online) return "offline";
  switch (state) {
    case "connected":
      return "connected";
    case "initialized":
    case "connecting":
      // Once connected, any new attempt is a reconnect: the conversation may be missing messages.
      return wasConnected ? "reconnecting" : "connecting";
    // pusher-js keeps retrying in "unavailable"; "failed" means WebSockets are not supported.
    case "unavailable":
    case "failed":
    case "disconnected":
      return "offline";
    default:
      return "connecting";
  }
}
