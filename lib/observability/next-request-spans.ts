// Sees every request Next.js handles with its route pattern and final status, from the request span
// Next already emits: Next 16 has no "request finished" hook, and proxy.ts never sees the status.
// A minimal tracer provider that keeps only those spans and exports nothing.
import "server-only";
import {
  INVALID_SPAN_CONTEXT,
  context,
  trace,
  type Context,
  type Span,
  type SpanAttributes,
  type SpanAttributeValue,
  type SpanOptions,
  type Tracer,
  type TracerProvider,
} from "@opentelemetry/api";

export interface FinishedRequest {
  method: string;
  /** The route pattern (`/rooms/[slug]`), never the raw URL. */
  route: string;
  status: number;
  durationSeconds: number;
  /** The raw target (path and query): for telling actions apart, never for labels. */
  target: string;
}

type Listener = (request: FinishedRequest) => void;

const HANDLE_REQUEST = "BaseServer.handleRequest";

/** A span that records nothing: everything Next traces besides the request itself. */
class IgnoredSpan implements Span {
  spanContext() {
    return INVALID_SPAN_CONTEXT;
  }
  setAttribute(_key: string, _value: SpanAttributeValue) {
    return this;
  }
  setAttributes(_attributes: SpanAttributes) {
    return this;
  }
  addEvent() {
    return this;
  }
  addLink() {
    return this;
  }
  addLinks() {
    return this;
  }
  setStatus() {
    return this;
  }
  updateName() {
    return this;
  }
  isRecording() {
    return false;
  }
  recordException() {}
  end() {}
}

const IGNORED_SPAN: Span = new IgnoredSpan();

/** The request's own span: keeps its attributes and reports the request when it ends. */
class RequestSpan extends IgnoredSpan {
  private readonly attributes: SpanAttributes;
  private readonly started = performance.now();
  private ended = false;

  constructor(
    attributes: SpanAttributes | undefined,
    private readonly listener: Listener,
  ) {
    super();
    this.attributes = { ...attributes };
  }

  override setAttribute(key: string, value: SpanAttributeValue) {
    this.attributes[key] = value;
    return this;
  }
  override setAttributes(attributes: SpanAttributes) {
    Object.assign(this.attributes, attributes);
    return this;
  }
  override isRecording() {
    return !this.ended;
  }

  override end() {
    if (this.ended) return;
    this.ended = true;
    const route = this.attributes["next.route"];
    // With proxy.ts, Next handles a request twice: the first pass only runs the proxy and has no
    // route. Counting passes with a route counts each request once.
    if (typeof route !== "string" || route === "") return;
    const status = Number(this.attributes["http.status_code"]);
    try {
      this.listener({
        method: String(this.attributes["http.method"] ?? "GET"),
        route,
        status: Number.isInteger(status) ? status : 0,
        durationSeconds: (performance.now() - this.started) / 1000,
        target: String(this.attributes["http.target"] ?? ""),
      });
    } catch {
      // Metrics and the access log must never fail a request.
    }
  }
}

class RequestTracer implements Tracer {
  constructor(private readonly listener: Listener) {}

  startSpan(_name: string, options?: SpanOptions): Span {
    if (options?.attributes?.["next.span_type"] !== HANDLE_REQUEST) return IGNORED_SPAN;
    return new RequestSpan(options.attributes, this.listener);
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, ...rest: unknown[]): ReturnType<F> {
    const fn = rest.pop() as F;
    const [options, parent] = rest as [SpanOptions | undefined, Context | undefined];
    const span = this.startSpan(name, options);
    return context.with(trace.setSpan(parent ?? context.active(), span), () => fn(span)) as ReturnType<F>;
  }
}

class RequestTracerProvider implements TracerProvider {
  private readonly tracer: RequestTracer;
  constructor(listener: Listener) {
    this.tracer = new RequestTracer(listener);
  }
  getTracer(): Tracer {
    return this.tracer;
  }
}

/**
 * Calls `listener` once per request Next handles, after its status is known. False when another
 * tracer provider was registered first (an APM agent): then HTTP metrics stay empty.
 */
export function observeNextRequests(listener: Listener): boolean {
  return trace.setGlobalTracerProvider(new RequestTracerProvider(listener));
}
