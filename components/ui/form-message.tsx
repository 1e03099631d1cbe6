/** The form-level outcome line, announced politely to assistive technology. */
export function FormMessage({ ok, message }: { ok: boolean; message?: string }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={
        ok ? "text-sm text-green-800 dark:text-green-400" : "text-sm text-red-700 dark:text-red-400"
      }
    >
      {message ?? ""}
    </p>
  );
}
