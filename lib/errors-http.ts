import { HeraldError, HTTP_STATUS } from "./errors";

/** Maps any thrown value to a JSON HTTP response; unknown errors become a 500 without details. */
export function errorResponse(error: unknown): Response {
  if (error instanceof HeraldError) {
    return Response.json(
      { error: { code: error.code, message: error.message, fields: error.fields } },
      { status: HTTP_STATUS[error.code] },
    );
  }
  console.error(error);
  return Response.json(
    { error: { code: "internal", message: "Internal error." } },
    { status: 500 },
  );
}
