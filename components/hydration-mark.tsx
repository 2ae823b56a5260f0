"use client";
// Marks <html data-hydrated> once React has taken over the page. Browser tests wait for it before they type into a
// field or press a button whose handler only exists after hydration (a slow machine can take seconds).
import { useEffect } from "react";

export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
