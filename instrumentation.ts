/** Next calls this once per server process before it serves requests. */
export async function register() {
  // Next also loads instrumentation while prerendering during `next build`; the database is not for that phase.
  if (
    process.env.NEXT_RUNTIME === "nodejs" &&
    process.env.NEXT_PHASE !== "phase-production-build"
  ) {
    const { startServerProcess } = await import("./lib/start-server-process");
    await startServerProcess();
  }
}
