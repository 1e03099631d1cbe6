import { handleInbound } from "../_handle";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** An alert or a heartbeat ping, with `Authorization: Bearer <token>`. */
export const POST = async (request: Request, { params }: Context) =>
  handleInbound(request, await params);

/** Heartbeats may ping with GET (as Uptime Kuma's push monitors do); alert integrations need a body. */
export const GET = POST;
