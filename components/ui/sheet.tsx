"use client";

// A modal side panel ("sheet") on ModalDialog: focus moves in and stays inside (Tab and Shift+Tab
// cycle through it); Escape, the close button, a click on the backdrop and a followed link close
// it, and focus goes back to the button that opened it. The home page's Topics and Activity sheets
// and the room's People drawer use it. The parent owns `open`.
import { useId, type KeyboardEvent, type ReactNode } from "react";
import { CloseIcon } from "./icons";
import { ModalDialog } from "./modal-dialog";

export type SheetPlacement = "bottom" | "right";

export interface SheetProps {
  open: boolean;
  /** The sheet closed itself (Escape, close button, backdrop, a followed link, `closeWhen`). */
  onClose: () => void;
  /** The dialog's heading and accessible name. */
  title: ReactNode;
  /** "bottom": a sheet from the bottom on phones, a right-hand panel from `sm` up. "right": always from the right. */
  placement?: SheetPlacement;
  /** Where focus goes when it closes; by default whatever had focus when it opened. */
  returnFocus?: () => HTMLElement | null | undefined;
  /** A media query (e.g. the desktop breakpoint, where the content has a column of its own) that closes it. */
  closeWhen?: string;
  closeLabel?: string;
  /** Classes for the scrolling body under the title bar. */
  bodyClassName?: string;
  id?: string;
  "data-testid"?: string;
  children: ReactNode;
}

const PLACEMENT: Record<SheetPlacement, string> = {
  bottom:
    "mt-auto max-h-[85dvh] w-full rounded-t-2xl sm:mt-0 sm:ml-auto sm:h-dvh sm:max-h-none sm:w-96 sm:rounded-none sm:rounded-l-2xl",
  right: "ml-auto h-dvh max-h-none w-[min(20rem,88vw)] rounded-l-2xl",
};

const TABBABLE =
  'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])';

/**
 * Wraps Tab around inside the sheet: a modal <dialog> alone lets Tab leave for the browser's own controls, which
 * on a phone with a keyboard or switch reads as focus lost.
 */
export function cycleFocus(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return;
  const tabbable = [...event.currentTarget.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && el.checkVisibility(),
  );
  const first = tabbable[0];
  const last = tabbable[tabbable.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === event.currentTarget)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

export function Sheet({
  open,
  onClose,
  title,
  placement = "bottom",
  returnFocus,
  closeWhen,
  closeLabel = "Close",
  bodyClassName = "",
  id,
  "data-testid": testId,
  children,
}: SheetProps) {
  const titleId = useId();
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      closeOnLink
      closeWhen={closeWhen}
      returnFocus={returnFocus}
      id={id}
      // Implied by showModal(); said outright for screen readers that do not derive it.
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid={testId}
      onKeyDown={cycleFocus}
      className={`m-0 hidden max-w-none flex-col overflow-hidden border border-line bg-surface p-0 text-ink shadow-2xl backdrop:bg-slate-950/50 backdrop:backdrop-blur-[2px] open:flex ${PLACEMENT[placement]}`}
    >
      {open ? (
        <>
          <div
            className={`flex shrink-0 items-center justify-between gap-3 border-b border-line px-4 pb-2 ${placement === "bottom" ? "pt-2 sm:pt-3" : "pt-2"}`}
          >
            {placement === "bottom" ? (
              <span
                aria-hidden="true"
                className="absolute top-1.5 left-1/2 h-1 w-10 -translate-x-1/2 rounded-full bg-line-strong sm:hidden"
              />
            ) : null}
            <h2
              id={titleId}
              className={`text-base font-semibold text-ink ${placement === "bottom" ? "pt-2 sm:pt-0" : ""}`}
            >
              {title}
            </h2>
            <button
              type="button"
              onClick={onClose}
              aria-label={closeLabel}
              className="inline-flex size-10 items-center justify-center rounded-lg text-ink-muted transition hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
            >
              <CloseIcon className="size-5" />
            </button>
          </div>
          <div className={`min-h-0 flex-1 overflow-y-auto overscroll-contain ${bodyClassName}`}>{children}</div>
        </>
      ) : null}
    </ModalDialog>
  );
}
