// Realtime settings derived from the environment: how the server reaches the Pusher-protocol
// server, and what browsers need to connect (sent to them at request time, never built in).
import { env } from "../env";

export interface ServerRealtimeConfig {
  appId: string;
  key: string;
  secret: string;
  cluster: string;
  host?: string;
  port?: string;
  useTLS: boolean;
}

/** Safe to send to browsers: no secret. */
export interface PublicRealtimeConfig {
  key: string;
  cluster: string;
  /** Set for soketi or a self-hosted server; absent for Pusher Channels. */
  wsHost?: string;
  wsPort?: number;
  forceTLS: boolean;
}

export function serverRealtimeConfig(): ServerRealtimeConfig {
  const e = env();
  return {
    appId: e.PUSHER_APP_ID,
    key: e.PUSHER_KEY,
    secret: e.PUSHER_SECRET,
    cluster: e.PUSHER_CLUSTER,
    host: e.PUSHER_HOST,
    port: e.PUSHER_PORT === undefined ? undefined : String(e.PUSHER_PORT),
    // Pusher Channels needs TLS; a self-hosted server says otherwise explicitly.
    useTLS: e.PUSHER_USE_TLS ?? !e.PUSHER_HOST,
  };
}

export function publicRealtimeConfig(): PublicRealtimeConfig {
  const e = env();
  const server = serverRealtimeConfig();
  const wsHost = e.PUSHER_PUBLIC_HOST ?? e.PUSHER_HOST;
  return {
    key: server.key,
    cluster: server.cluster,
    wsHost,
    wsPort: wsHost ? (e.PUSHER_PUBLIC_PORT ?? e.PUSHER_PORT) : undefined,
    // A TLS proxy in front of soketi: browsers use wss:// while app servers may call it plainly.
    forceTLS: e.PUSHER_PUBLIC_USE_TLS ?? server.useTLS,
  };
}
