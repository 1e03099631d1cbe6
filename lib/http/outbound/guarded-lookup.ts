import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { isPublicAddress } from "./address-policy";

export type ResolvedAddress = { address: string; family: number };
/** Resolves a hostname to every address it has; tests pass their own to play DNS rebinding. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true });

export class PrivateTargetError extends Error {
  constructor(hostname: string, address: string) {
    super(`Refused: ${hostname} resolves to ${address}, a private or loopback address`);
    this.name = "PrivateTargetError";
  }
}

/**
 * The socket's own `lookup`: the address checked is the address connected to,
 * so a name that resolved to a public address when the URL was saved (or a
 * moment ago) and to 127.0.0.1 now is refused (DNS rebinding). If any address
 * of a name is private the whole name is refused.
 */
export function guardedLookup(resolve: Resolver, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = addresses.filter((a) => family === 0 || a.family === family);
        const refused = allowPrivate ? undefined : usable.find((a) => !isPublicAddress(a.address));
        if (refused) return callback(new PrivateTargetError(hostname, refused.address), "", 0);
        if (usable.length === 0) {
          const error = Object.assign(new Error(`No address for ${hostname}`), {
            code: "ENOTFOUND",
          });
          return callback(error, "", 0);
        }
        if (options.all) return (callback as AllCallback)(null, usable);
        callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

type AllCallback = (error: null, addresses: ResolvedAddress[]) => void;
