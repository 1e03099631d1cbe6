import { createElement } from "react";
import { render } from "@react-email/render";
import type { Config } from "../config";
import type { Db } from "../db/client";
import SignInLink from "../../emails/sign-in-link";
import { getPageSettings } from "../settings/get-page-settings";
import { createMailTransport } from "../mail/transport";
import { findUserByEmail } from "./find-user-by-email";

/**
 * Magic-link delivery. Only members get a link; strangers get nothing, and the
 * page they see is the same, so the form does not reveal who is a member.
 */
export async function sendSignInLink(db: Db, c: Config, email: string, url: string): Promise<void> {
  if (!(await findUserByEmail(db, email))) return;
  const transport = await createMailTransport(c);
  if (!transport) throw new Error("No mail transport configured");
  const settings = await getPageSettings(db);
  const element = createElement(SignInLink, {
    pageName: settings.name,
    url,
    brandColor: settings.brandColor,
  });
  await transport.send({
    to: email,
    subject: `Sign in to ${settings.name}`,
    html: await render(element),
    text: await render(element, { plainText: true }),
  });
}
