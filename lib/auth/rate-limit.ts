// Rate limits, counted in PostgreSQL (rate-limiter-flexible's Prisma store) so that every app
// instance shares them. Each limiter names what it protects; callers get a typed 429 error.
import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "../db/client";
import { rateLimited } from "../errors";

interface LimitSpec {
  points: number;
  durationSeconds: number;
}

export const LIMITS = {
  /** ASVS 2.2.1: at most 10 failed sign-ins per account per 15 minutes. */
  signInAccount: { points: 10, durationSeconds: 15 * 60 },
  signInIp: { points: 50, durationSeconds: 15 * 60 },
  register: { points: 10, durationSeconds: 60 * 60 },
  /** Verification mails per member; past this the request goes to the admins instead. */
  verificationMail: { points: 3, durationSeconds: 60 * 60 },
  verificationMailIp: { points: 20, durationSeconds: 60 * 60 },
  passwordResetEmail: { points: 3, durationSeconds: 60 * 60 },
  passwordResetIp: { points: 20, durationSeconds: 60 * 60 },
  /** Channel authorizations asked for without a session (readers need none: room channels are public). */
  channelAuthIp: { points: 30, durationSeconds: 60 },
  /** Chat messages per member per room (lib/chat/messages.ts). */
  messagePost: { points: 10, durationSeconds: 10 },
} satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof LIMITS;

const limiters = new Map<LimitName, RateLimiterPrisma>();

function limiter(name: LimitName): RateLimiterPrisma {
  let found = limiters.get(name);
  if (!found) {
    found = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: name,
      points: LIMITS[name].points,
      duration: LIMITS[name].durationSeconds,
      // Expired rows are replaced on the next hit; no background timer in every process.
      clearExpiredByTimeout: false,
    });
    limiters.set(name, found);
  }
  return found;
}

export interface LimitState {
  allowed: boolean;
  /** Seconds until the window frees a point. */
  retryAfterSeconds: number;
}

/** Counts one hit against `key`; says whether it was within the limit. */
export async function hit(name: LimitName, key: string): Promise<LimitState> {
  try {
    await limiter(name).consume(key);
    return { allowed: true, retryAfterSeconds: 0 };
  } catch (error) {
    if (error instanceof RateLimiterRes)
      return { allowed: false, retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) };
    throw error;
  }
}

/** Whether `key` is currently over the limit, without counting a hit. */
export async function peek(name: LimitName, key: string): Promise<LimitState> {
  const res = await limiter(name).get(key);
  if (res && res.consumedPoints >= LIMITS[name].points) {
    return { allowed: false, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) };
  }
  return { allowed: true, retryAfterSeconds: 0 };
}

export async function reset(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}

/** "try again in 5 minutes" */
export function retryPhrase(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Counts a hit and throws a 429 AppError when over the limit. */
export async function enforce(name: LimitName, key: string, message: string): Promise<void> {
  const state = await hit(name, key);
  if (!state.allowed)
    throw rateLimited(name, state.retryAfterSeconds, `${message} ${retryPhrase(state.retryAfterSeconds)}`);
}
