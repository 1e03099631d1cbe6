import type { ReactNode } from "react";

/**
 * A row of day buttons. With JavaScript (public/herald-status.js) it becomes
 * one Tab stop with arrow-key navigation (WAI-ARIA roving tabindex); without
 * it, every day stays tabbable.
 */
export function RovingGroup({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="group" aria-label={label} className={className} data-roving="">
      {children}
    </div>
  );
}
