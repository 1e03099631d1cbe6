import { readFileSync } from "node:fs";
import { rootCertificates, type ConnectionOptions } from "node:tls";
import type { Config } from "../config";

/**
 * TLS for the SMTP relay, always verified: `smtps://` (implicit TLS, 465) and
 * STARTTLS on `smtp://` (587; nodemailer upgrades whenever the relay offers
 * it). SMTP_CA_FILE adds a private CA to the public roots rather than
 * replacing them (NODE_EXTRA_CA_CERTS, read by Node at start, works too).
 * There is no switch to turn verification off.
 */
export function smtpTlsOptions(c: Pick<Config, "SMTP_CA_FILE">): ConnectionOptions {
  const options: ConnectionOptions = { rejectUnauthorized: true, minVersion: "TLSv1.2" };
  if (c.SMTP_CA_FILE) options.ca = [...rootCertificates, readFileSync(c.SMTP_CA_FILE, "utf8")];
  return options;
}
