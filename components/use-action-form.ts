"use client";

import { startTransition, useActionState, useCallback, useEffect, useRef, type FormEvent, type RefObject } from "react";
import { useFocusFirstError } from "./use-focus-first-error";

export interface ActionFormProps {
  ref: RefObject<HTMLFormElement | null>;
  action: (payload: FormData) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  noValidate: true;
}

export interface UseActionFormOptions<S> {
  /** Whether `state` is a failed submit (focus then moves to the first invalid field or the alert). */
  isFailure?: (state: S) => boolean;
}

const defaultIsFailure = (state: unknown) => (state as { status?: string } | null)?.status === "error";

/**
 * A server-action form that works without JS, keeps what was typed after a failure (submitted by hand so React
 * doesn't reset it), ignores double submits and focuses the first error. Spread `formProps` on the <form>.
 */
export function useActionForm<S>(
  action: (state: Awaited<S>, payload: FormData) => S | Promise<S>,
  initialState: Awaited<S>,
  { isFailure = defaultIsFailure }: UseActionFormOptions<Awaited<S>> = {},
) {
  const ref = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(action, initialState);
  // `pending` only turns true on the next render; this closes the gap before it.
  const inFlight = useRef(false);
  useEffect(() => {
    if (!pending) inFlight.current = false;
  }, [pending, state]);
  useFocusFirstError(ref, isFailure(state) ? state : null);

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (inFlight.current) return;
      inFlight.current = true;
      const data = new FormData(event.currentTarget);
      startTransition(() => formAction(data));
    },
    [formAction],
  );

  const formProps: ActionFormProps = { ref, action: formAction, onSubmit, noValidate: true };
  return { state, pending, formAction, formProps };
}
