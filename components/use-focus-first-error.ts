"use client";

import { useEffect, type RefObject } from "react";

/**
 * After a failed submit, focus the first invalid field (or the form's alert) so keyboard and screen-reader users
 * land on the fix. `failure` must change identity on each failed submit (the action's state), nullish otherwise.
 */
export function useFocusFirstError(formRef: RefObject<HTMLElement | null>, failure: unknown): void {
  useEffect(() => {
    if (!failure) return;
    const form = formRef.current;
    if (!form) return;
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>("[data-form-alert]");
    if (!target) return;
    target.focus();
    if (target instanceof HTMLInputElement && target.type !== "email" && target.type !== "password") {
      // Select the bad value so typing replaces it (type=email does not support selection).
      try {
        target.select();
      } catch {
        // Some input types refuse select(); focus alone is fine.
      }
    }
  }, [formRef, failure]);
}
