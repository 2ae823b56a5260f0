import { useEffect, useRef } from "react";

/**
 * A ref for an AuthCard's heading that takes focus when `active` holds (again each time `trigger`
 * changes), so keyboard and screen-reader users are told the outcome that replaced the form.
 */
export function useHeadingFocus(active: boolean, trigger?: unknown) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (active) headingRef.current?.focus();
  }, [active, trigger]);
  return headingRef;
}
