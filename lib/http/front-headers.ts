/** Headers the front server writes for Next; apart from client-address.ts so the front thread loads no configuration. */

/**
 * The connection's own address, as the front server (lib/front) saw the socket.
 * Next's route handlers and server actions only see headers, so the front
 * server writes it into this header, after deleting whatever a client sent.
 */
export const CLIENT_ADDRESS_HEADER = "x-herald-client-address";
/**
 * Carries the front server's per-process secret on the requests its front thread passes to Next
 * (lib/front/pass-to-next.ts): only then is CLIENT_ADDRESS_HEADER the address that thread saw.
 */
export const FRONT_SECRET_HEADER = "x-herald-front";
