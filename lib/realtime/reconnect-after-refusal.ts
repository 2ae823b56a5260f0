// Coming back after the realtime server closed a connection for good, as pusher-js sees it. The browser's
// provider (components/realtime/realtime-provider.tsx) uses it; tests drive it with pusher-js in Node.
import type Pusher from "pusher-js";

/**
 * soketi closes a connection with 4009, which pusher-js takes as final (4000–4099: it stays "disconnected"), when the
 * app ends a member's connections (a ban, a deactivation) or the connection did not sign in in time. Connect again
 * after a short, growing pause (about 1, 2, 4 … 30 s; a successful sign-in starts over): the new connection signs in
 * and resubscribes, and channel auth refuses what is no longer theirs, so a member banned from one room stays live
 * everywhere else. `isCurrent` false (the owner disconnected on purpose) leaves it down. Returns the unbinding.
 */
export function reconnectAfterRefusal(pusher: Pusher, isCurrent: () => boolean = () => true): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const onMessage = ({ event }: { event?: string }) => {
    if (event === "pusher:signin_success") attempt = 0;
  };
  const onStateChange = ({ current }: { current: string }) => {
    if (current !== "disconnected") return cancel();
    if (timer !== undefined || !isCurrent()) return;
    const delay = Math.min(1000 * 2 ** attempt, 30_000) * (0.8 + Math.random() * 0.4);
    attempt++;
    timer = setTimeout(() => {
      timer = undefined;
      if (isCurrent() && pusher.connection.state === "disconnected") pusher.connect();
    }, delay);
  };
  pusher.connection.bind("message", onMessage);
  pusher.connection.bind("state_change", onStateChange);
  return () => {
    cancel();
    pusher.connection.unbind("message", onMessage);
    pusher.connection.unbind("state_change", onStateChange);
  };
}
