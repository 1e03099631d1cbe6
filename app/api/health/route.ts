import { dbHandle } from "@/lib/db";
import { databaseReachable } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const handle = await dbHandle();
  const ok = await databaseReachable(handle);
  return Response.json(
    {
      status: ok ? "ok" : "unavailable",
      database: { engine: handle.engine, reachable: ok },
      time: new Date().toISOString(),
    },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
