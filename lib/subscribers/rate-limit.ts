import { consumeIfAllowed, consumeOrRefuse, memoryLimiter } from "../http/rate-limit";

/** Subscribe/confirm form posts per client (IP) per 10 minutes. */
const clientLimit = () => memoryLimiter("subscribe-client", 10, 600);
/** Confirmation emails per address per hour; beyond it, the answer is the same but no email goes out. */
const addressLimit = () => memoryLimiter("subscribe-address", 3, 3600);

export async function limitClient(clientKey: string): Promise<void> {
  await consumeOrRefuse(
    clientLimit(),
    clientKey,
    (wait) => `Too many attempts from your network. ${wait}`,
  );
}

/** False once this address has had its share of confirmation emails. */
export async function addressMayReceiveMail(email: string): Promise<boolean> {
  return consumeIfAllowed(addressLimit(), email);
}
