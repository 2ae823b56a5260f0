"use client";

// The one modal on the platform's <dialog>: showModal() gives the top layer and makes the page behind inert. The
// parent owns `open`; Escape, a backdrop click and (with `closeOnLink`) a followed link call `onClose`, so the two
// never disagree. Focus goes to the `data-autofocus` element (else the first focusable), back to the opener on close.
import { useEffect, useRef, type DialogHTMLAttributes, type ReactNode } from "react";
import { usePageScrollLock } from "./use-page-scroll-lock";

type DialogAttributes = Omit<
  DialogHTMLAttributes<HTMLDialogElement>,
  "open" | "onClose" | "onCancel" | "onClick" | "onPointerDown" | "children"
>;

export interface ModalDialogProps extends DialogAttributes {
  open: boolean;
  /** The dialog asks to close (Escape, backdrop, followed link), or was closed by the browser. */
  onClose: () => void;
  /** Work is running: Escape and the backdrop do nothing (the parent keeps it open). */
  busy?: boolean;
  /** A click on the backdrop closes it (default true). */
  closeOnBackdrop?: boolean;
  /** A followed link inside closes it: the reader is done with it (e.g. a sheet of links). */
  closeOnLink?: boolean;
  /** A media query that closes it while it matches (e.g. the breakpoint where its content has a column). */
  closeWhen?: string;
  /** Where focus goes when it closes; by default whatever had focus when it opened. */
  returnFocus?: () => HTMLElement | null | undefined;
  "data-testid"?: string;
  children: ReactNode;
}

export function ModalDialog({
  open,
  onClose,
  busy = false,
  closeOnBackdrop = true,
  closeOnLink = false,
  closeWhen,
  returnFocus,
  children,
  ...attributes
}: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  // Where a click started: a text selection dragged out of the panel is no click on the backdrop.
  const pressedOnBackdrop = useRef(false);

  // Runs after the content is committed, so there is something to focus inside.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  usePageScrollLock(open);

  useEffect(() => {
    if (!closeWhen) return;
    const query = window.matchMedia(closeWhen);
    const onChange = () => {
      if (query.matches) dialogRef.current?.close();
    };
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, [closeWhen]);

  const requestClose = () => {
    if (!busy) onClose();
  };

  return (
    // The dialog's own handlers: a click on the backdrop (Escape is its keyboard equivalent).
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={dialogRef}
      {...attributes}
      onCancel={(event) => {
        // Escape: closed through `open`, not by the browser.
        event.preventDefault();
        requestClose();
      }}
      onClose={() => {
        (returnFocus?.() ?? opener.current)?.focus();
        opener.current = null;
        // Closed by the browser without our say (a second Escape is not cancelable, `closeWhen`): catch up.
        if (open) onClose();
      }}
      onPointerDown={(event) => {
        pressedOnBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        const target = event.target as Element;
        // The panel fills the dialog's box, so only a click on the ::backdrop targets the dialog itself.
        const onBackdrop = target === event.currentTarget && pressedOnBackdrop.current;
        pressedOnBackdrop.current = false;
        if ((closeOnBackdrop && onBackdrop) || (closeOnLink && target.closest("a[href]"))) requestClose();
      }}
    >
      {children}
    </dialog>
  );
}
