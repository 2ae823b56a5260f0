"use client";

// Toasts about what just happened: polite ones go into a live region present from first paint, errors are
// role="alert". A redirecting server action can't call useToast, so it sets a flash cookie (lib/flash.ts) instead;
// the layout reads it and <FlashToast> shows it once.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { AlertIcon } from "./form-alert";
import { CloseIcon } from "./icons";

export type ToastTone = "info" | "success" | "error";

export interface ToastInput {
  message: string;
  title?: string;
  tone?: ToastTone;
  /** Milliseconds before it goes away on its own; null keeps it until closed. */
  duration?: number | null;
  /** A toast with the id of one on screen replaces it (e.g. pressing "Resend" twice). */
  id?: string;
}

interface ToastItem {
  id: string;
  message: string;
  title?: string;
  tone: ToastTone;
  duration: number | null;
}

export interface ToastApi {
  /** Shows a toast; returns its id. */
  toast: (input: ToastInput | string) => string;
  dismiss: (id: string) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

const DEFAULT_DURATION: Record<ToastTone, number> = { info: 6000, success: 5000, error: 9000 };
const MAX_TOASTS = 4;

let counter = 0;
const nextId = () => `toast-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast() needs a <ToastProvider> above it (app/layout.tsx has one).");
  return api;
}

export interface ToastProviderProps {
  children: ReactNode;
}

export function ToastProvider({ children }: ToastProviderProps) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);

  const dismiss = useCallback((id: string) => setToasts((list) => list.filter((t) => t.id !== id)), []);

  const toast = useCallback((input: ToastInput | string) => {
    const {
      message,
      title,
      tone = "info",
      duration,
      id = nextId(),
    } = typeof input === "string" ? { message: input } : input;
    const item: ToastItem = {
      id,
      message,
      title,
      tone,
      duration: duration === undefined ? DEFAULT_DURATION[tone] : duration,
    };
    setToasts((list) => [...list.filter((t) => t.id !== id), item].slice(-MAX_TOASTS));
    return id;
  }, []);

  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);
  const polite = toasts.filter((t) => t.tone !== "error");
  const assertive = toasts.filter((t) => t.tone === "error");

  return (
    <ToastContext.Provider value={api}>
      {children}
      {/* Bottom centre on phones (thumb reach, clear of the header), bottom right on wider screens. */}
      <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 px-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:items-end sm:px-6 sm:pb-6">
        {/* An inserted role="alert" is announced at once by itself; a live container around it
            would make some screen readers say it twice. */}
        <div className="flex w-full flex-col items-center gap-2 sm:items-end">
          {assertive.map((t) => (
            <ToastView key={t.id} item={t} onDismiss={dismiss} />
          ))}
        </div>
        {/* Polite toasts go into a live region that is there from the first paint (a region
            added together with its text is often not read). No role on it: getByRole("status")
            finds the toasts themselves. */}
        <div aria-live="polite" className="flex w-full flex-col items-center gap-2 sm:items-end">
          {polite.map((t) => (
            <ToastView key={t.id} item={t} onDismiss={dismiss} />
          ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

const toneClasses: Record<ToastTone, string> = {
  info: "text-accent dark:text-indigo-300",
  success: "text-emerald-600 dark:text-emerald-300",
  error: "text-rose-600 dark:text-rose-300",
};

interface ToastViewProps {
  item: ToastItem;
  onDismiss: (id: string) => void;
}

/** One toast. Its timer pauses while the pointer is over it or focus is inside it (WCAG 2.2.1). */
function ToastView({ item, onDismiss }: ToastViewProps) {
  const [paused, setPaused] = useState(false);
  const remaining = useRef(item.duration);

  useEffect(() => {
    if (paused || remaining.current === null) return;
    const started = Date.now();
    const timer = window.setTimeout(() => onDismiss(item.id), remaining.current);
    return () => {
      window.clearTimeout(timer);
      if (remaining.current !== null) remaining.current = Math.max(1000, remaining.current - (Date.now() - started));
    };
  }, [paused, item.id, onDismiss]);

  return (
    <div
      role={item.tone === "error" ? "alert" : "status"}
      data-testid="toast"
      data-tone={item.tone}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setPaused(false);
      }}
      className="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-xl border border-line bg-surface py-3 pr-2 pl-4 text-sm text-ink shadow-lg shadow-black/10 transition duration-200 ease-out starting:translate-y-2 starting:opacity-0 motion-reduce:transition-none dark:shadow-black/40"
    >
      <AlertIcon tone={item.tone} className={`mt-px size-5 ${toneClasses[item.tone]}`} />
      <div className="min-w-0 flex-1 py-px break-words">
        {item.title ? <p className="font-semibold">{item.title}</p> : null}
        <p className={item.title ? "mt-0.5 text-ink-muted" : ""}>{item.message}</p>
      </div>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => onDismiss(item.id)}
        className="-my-1 flex size-8 shrink-0 items-center justify-center rounded-md text-ink-subtle transition hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring"
      >
        <CloseIcon />
      </button>
    </div>
  );
}

/** A toast carried across a redirect by the flash cookie (see lib/flash.ts). */
export interface Flash {
  id: string;
  message: string;
  title?: string;
  tone: ToastTone;
  /** Stays until closed. */
  sticky: boolean;
}

export interface FlashToastProps {
  flash: Flash | null;
  /** The cookie to delete once shown (named by the server module that sets it). */
  cookieName: string;
}

// Shown ids survive remounts (and a back navigation that replays an old layout payload).
const shownFlashes = new Set<string>();

export function FlashToast({ flash, cookieName }: FlashToastProps) {
  const { toast } = useToast();

  useEffect(() => {
    if (!flash) return;
    // Deleted first, so a reload or the next navigation does not show it again.
    document.cookie = `${cookieName}=; Path=/; Max-Age=0; SameSite=Lax`;
    if (shownFlashes.has(flash.id)) return;
    shownFlashes.add(flash.id);
    toast({
      id: `flash-${flash.id}`,
      message: flash.message,
      title: flash.title,
      tone: flash.tone,
      duration: flash.sticky ? null : undefined,
    });
  }, [flash, cookieName, toast]);

  return null;
}
