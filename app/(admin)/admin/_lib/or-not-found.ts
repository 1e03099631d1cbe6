import { notFound } from "next/navigation";
import { HeraldError } from "@/lib/errors";

/** A domain read's `not_found` as the console's 404 page: an unknown id in a URL is not a server error. */
export function orNotFound<T>(read: Promise<T>): Promise<T> {
  return read.catch((error: unknown) => {
    if (error instanceof HeraldError && error.code === "not_found") notFound();
    throw error;
  });
}
