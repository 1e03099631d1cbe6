import { handleInbound } from "../../_handle";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; token: string }> };

/** The same as /api/inbound/{id}, for tools that cannot set headers: the token is the last path segment. */
export const POST = async (request: Request, { params }: Context) =>
  handleInbound(request, await params);

export const GET = POST;
