"use client";
// One pusher-js connection per browser tab, shared by every live view (room conversation,
// presence, typing). It connects lazily, when the first channel is acquired, and channels are
// reference-counted so two hooks on one room share one subscription and the last to leave ends it.
import type Pusher from "pusher-js";
import type { Channel } from "pusher-js";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { createRealtimeClient, type ChannelAuthorizer, type UserAuthenticator } from "@/lib/realtime/browser-client";
import { reconnectAfterRefusal } from "@/lib/realtime/reconnect-after-refusal";
import type { PublicRealtimeConfig } from "@/lib/realtime/config";
import { useWindowEvents } from "@/components/use-window-events";
import { connectionStatusOf, type ConnectionStatus } from "./connection-status";

interface RealtimeContextValue {
  /** "disabled" when there is no connection to make (no realtime configuration). */
  status: ConnectionStatus;
  acquire(channelName: string): Channel | null;
  release(channelName: string): void;
  /** This tab's socket, which the server leaves out of the fan-out of its own sends; null when not connected. */
  socketId(): string | null;
}

const RealtimeContext = createContext<RealtimeContextValue>({
  status: "disabled",
  acquire: () => null,
  release: () => {},
  socketId: () => null,
});

/** Signs subscriptions through the app (POST /api/pusher/auth, the caller's session cookie). */
const authorizeThroughApp: ChannelAuthorizer = async ({ socketId, channelName }) => {
  const response = await fetch("/api/pusher/auth", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }),
    credentials: "same-origin",
  });
  const body = (await response.json().catch(() => ({}))) as {
    auth?: string;
    channel_data?: string;
    error?: { message?: string };
  };
  if (!response.ok || !body.auth)
    throw new Error(body.error?.message ?? `channel authorization failed (${response.status})`);
  return { auth: body.auth, channel_data: body.channel_data };
};

/** Signs the connection in through the app (POST /api/pusher/user-auth): as the member, or as a visitor. */
const authenticateThroughApp: UserAuthenticator = async ({ socketId }) => {
  const response = await fetch("/api/pusher/user-auth", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ socket_id: socketId }),
    credentials: "same-origin",
  });
  const body = (await response.json().catch(() => ({}))) as {
    auth?: string;
    user_data?: string;
    error?: { message?: string };
  };
  if (!response.ok || !body.auth || !body.user_data)
    throw new Error(body.error?.message ?? `realtime sign-in failed (${response.status})`);
  return { auth: body.auth, user_data: body.user_data };
};

/**
 * pusher-js waits out each attempt's growing timeout even when the server refuses at once, so once connected we
 * retry sooner ourselves, with jitter so a restarted server isn't hit by every client at the same moment.
 */
function retrySoonAfterLoss(pusher: Pusher): (state: string, wasConnected: boolean) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  const waiting = () => pusher.connection.state === "connecting" || pusher.connection.state === "unavailable";
  const schedule = () => {
    if (timer !== undefined) return;
    const delay = Math.min(1000 * 2 ** attempt, 5000) * (0.8 + Math.random() * 0.4);
    timer = setTimeout(() => {
      timer = undefined;
      if (!waiting() || !navigator.onLine) return;
      attempt++;
      // retryIn is pusher-js's own "start a fresh attempt now" (private in its types).
      (pusher.connection as unknown as { retryIn?: (ms: number) => void }).retryIn?.(0);
      schedule();
    }, delay);
  };
  return (state, wasConnected) => {
    if (state === "connected" || state === "disconnected" || state === "failed") {
      clearTimeout(timer);
      timer = undefined;
      attempt = 0;
    } else if (wasConnected && waiting()) {
      schedule();
    }
  };
}

export interface RealtimeProviderProps {
  /** Null turns live updates off. */
  config: PublicRealtimeConfig | null;
  children: ReactNode;
}

export function RealtimeProvider({ config, children }: RealtimeProviderProps) {
  const clientRef = useRef<Pusher | null>(null);
  const counts = useRef(new Map<string, number>());
  const [status, setStatus] = useState<ConnectionStatus>(config ? "connecting" : "disabled");
  const configKey = config ? JSON.stringify(config) : null;

  const client = useCallback((): Pusher | null => {
    if (!config) return null;
    if (!clientRef.current) {
      const pusher = createRealtimeClient(config, authorizeThroughApp, authenticateThroughApp);
      let wasConnected = false;
      const retry = retrySoonAfterLoss(pusher);
      reconnectAfterRefusal(pusher, () => clientRef.current === pusher);
      pusher.connection.bind("state_change", ({ current }: { current: string }) => {
        if (current === "connected") wasConnected = true;
        // A refused connection that will come back is reconnecting, not offline.
        const shown =
          current === "disconnected" && wasConnected && clientRef.current === pusher ? "connecting" : current;
        setStatus(connectionStatusOf(shown, { wasConnected, online: navigator.onLine }));
        retry(current, wasConnected);
      });
      clientRef.current = pusher;
    }
    return clientRef.current;
    // configKey stands for config: a new object with the same values must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [configKey]);

  // The browser knows it is offline before the socket times out; say so at once.
  useWindowEvents(
    ["online", "offline"],
    () => {
      const pusher = clientRef.current;
      const state = pusher?.connection.state ?? "initialized";
      setStatus(connectionStatusOf(state, { wasConnected: true, online: navigator.onLine }));
      // Back online: try now instead of waiting for the next retry.
      if (navigator.onLine && pusher && state !== "connected") pusher.connect();
    },
    config !== null,
  );

  useEffect(
    () => () => {
      // No longer current first, so reconnectAfterRefusal leaves this disconnect alone.
      const pusher = clientRef.current;
      clientRef.current = null;
      pusher?.disconnect();
    },
    [configKey],
  );

  const acquire = useCallback(
    (channelName: string): Channel | null => {
      const pusher = client();
      if (!pusher) return null;
      counts.current.set(channelName, (counts.current.get(channelName) ?? 0) + 1);
      // subscribe() returns the existing channel when already subscribed.
      return pusher.subscribe(channelName);
    },
    [client],
  );

  const release = useCallback((channelName: string) => {
    const left = (counts.current.get(channelName) ?? 0) - 1;
    if (left > 0) {
      counts.current.set(channelName, left);
      return;
    }
    counts.current.delete(channelName);
    clientRef.current?.unsubscribe(channelName);
  }, []);

  const socketId = useCallback(() => clientRef.current?.connection.socket_id ?? null, []);

  const value = useMemo(() => ({ status, acquire, release, socketId }), [status, acquire, release, socketId]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeContextValue {
  return useContext(RealtimeContext);
}

/** connected / connecting / reconnecting / offline, or disabled when live updates are off. */
export function useConnectionStatus(): ConnectionStatus {
  return useContext(RealtimeContext).status;
}
