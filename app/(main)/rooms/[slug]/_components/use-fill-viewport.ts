"use client";
// The room page is an app screen: it fills the viewport below whatever is above it (site header,
// verify banner), whatever their height, through the --chat-top custom property.
import { useLayoutEffect, useRef } from "react";

export function useFillViewport() {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () =>
      el.style.setProperty("--chat-top", `${Math.max(0, el.getBoundingClientRect().top + window.scrollY)}px`);
    measure();
    const observer = new ResizeObserver(measure);
    if (el.parentElement) observer.observe(el.parentElement);
    for (const sibling of document.body.children)
      if (sibling instanceof HTMLElement && !sibling.contains(el)) observer.observe(sibling);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, []);
  return ref;
}
