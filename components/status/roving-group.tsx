"use client";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * With JavaScript, a row of 90 day buttons becomes one Tab stop with arrow-key
 * navigation (WAI-ARIA roving tabindex); without it, every day stays tabbable.
 */
export function RovingGroup({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const items = () => Array.from(root.querySelectorAll<HTMLElement>("button"));
    const all = items();
    all.forEach((el, i) => (el.tabIndex = i === all.length - 1 ? 0 : -1));
    const onKey = (e: KeyboardEvent) => {
      const list = items();
      const index = list.indexOf(document.activeElement as HTMLElement);
      if (index < 0) return;
      const next = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: list.length - 1 }[e.key];
      if (next === undefined || !list[next]) return;
      e.preventDefault();
      list[index]!.tabIndex = -1;
      list[next].tabIndex = 0;
      list[next].focus();
    };
    root.addEventListener("keydown", onKey);
    return () => root.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div ref={ref} role="group" aria-label={label} className={className}>
      {children}
    </div>
  );
}
