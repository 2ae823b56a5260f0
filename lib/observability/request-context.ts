// Carries each request's id (X-Request-Id from proxy.ts) through all its work via OpenTelemetry's
// context, which Next already extracts per request: an AsyncLocalStorage context manager and a
// propagator, registered once from instrumentation.ts; lib/log.ts reads the id for every line.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import {
  context,
  createContextKey,
  propagation,
  ROOT_CONTEXT,
  type Context,
  type ContextManager,
  type TextMapGetter,
  type TextMapPropagator,
} from "@opentelemetry/api";
import { setRequestIdReader } from "../log";
import { REQUEST_ID_HEADER, sanitizeRequestId } from "./request-id";

const REQUEST_ID_KEY = createContextKey("roomful.request_id");

/** OpenTelemetry's context, kept in AsyncLocalStorage (what @opentelemetry/context-async-hooks does). */
export class AsyncLocalStorageContextManager implements ContextManager {
  private storage = new AsyncLocalStorage<Context>();

  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    const callback = thisArg === undefined ? fn : (fn.bind(thisArg) as F);
    return this.storage.run(ctx, callback, ...args);
  }

  bind<T>(ctx: Context, target: T): T {
    if (typeof target !== "function") return target;
    const original = target as unknown as (...args: unknown[]) => unknown;
    const run = (thisArg: unknown, args: unknown[]) => this.with(ctx, () => original.apply(thisArg, args));
    const bound = function (this: unknown, ...args: unknown[]) {
      return run(this, args);
    };
    return bound as unknown as T;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    this.storage.disable();
    return this;
  }
}

/** Reads X-Request-Id into the context; writes nothing (we call no one who needs it). */
export const requestIdPropagator: TextMapPropagator = {
  inject() {},
  extract(ctx: Context, carrier: unknown, getter: TextMapGetter): Context {
    const raw = getter.get(carrier, REQUEST_ID_HEADER);
    const id = sanitizeRequestId(Array.isArray(raw) ? raw[0] : raw);
    return id ? ctx.setValue(REQUEST_ID_KEY, id) : ctx;
  },
  fields: () => [REQUEST_ID_HEADER],
};

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  const id = context.active().getValue(REQUEST_ID_KEY);
  return typeof id === "string" ? id : undefined;
}

/** Runs `fn` as part of the request `id` (tests, and work started outside Next's handling). */
export function withRequestId<T>(id: string, fn: () => T): T {
  return context.with(context.active().setValue(REQUEST_ID_KEY, id), fn);
}

/**
 * Installs the context manager and propagator globally. False when something else (an APM
 * agent, @vercel/otel) registered its own first: then request ids are not in our log lines.
 */
export function registerRequestContext(): boolean {
  const manager = new AsyncLocalStorageContextManager();
  const installed = context.setGlobalContextManager(manager) && propagation.setGlobalPropagator(requestIdPropagator);
  setRequestIdReader(currentRequestId);
  return installed;
}
