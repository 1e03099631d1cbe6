import type { Db } from "../../db/client";
import type { PageSettings } from "../../db/schema";
import { buildStatusSnapshot, type StatusSnapshot } from "../../public/status-snapshot";
import { buildWireContext, type WireContext } from "../../statuspage/wire-context";
import { getPageSettings } from "../../settings/get-page-settings";
import { linkSecret, signLinkToken } from "../../subscribers/tokens";
import type { Brand, FooterLinks } from "../../../emails/_components/email-layout";

/**
 * What rendering a batch needs, loaded once per batch: a hundred recipients of
 * one update cost one load of that update, not a hundred.
 */
export type RenderContext = {
  db: Db;
  baseUrl: string;
  settings: PageSettings;
  brand: Brand;
  now: Date;
  /** Loads once per key per batch. */
  memo: <T>(key: string, load: () => Promise<T>) => Promise<T>;
  /** The public wire objects (Statuspage shape) for webhook bodies. */
  wire: () => Promise<{ snapshot: StatusSnapshot; wire: WireContext }>;
  subscriberLinks: (
    subscriberId: string,
  ) => FooterLinks & { manageUrl: string; unsubscribeUrl: string; oneClickUrl: string };
};

export async function createRenderContext(
  db: Db,
  baseUrl: string,
  now = new Date(),
): Promise<RenderContext> {
  const [settings, secret] = await Promise.all([getPageSettings(db), linkSecret(db)]);
  const cache = new Map<string, Promise<unknown>>();
  const memo = <T>(key: string, load: () => Promise<T>) => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key) as Promise<T>;
  };
  return {
    db,
    baseUrl,
    settings,
    now,
    brand: {
      pageName: settings.name,
      brandColor: settings.brandColor,
      logoUrl: settings.logoUrl,
      pageUrl: baseUrl,
    },
    memo,
    wire: () =>
      memo("wire", async () => {
        const snapshot = await buildStatusSnapshot(db, now);
        return { snapshot, wire: buildWireContext(snapshot, baseUrl) };
      }),
    subscriberLinks(subscriberId) {
      const manage = encodeURIComponent(signLinkToken(secret, subscriberId, "manage", now));
      const unsubscribe = encodeURIComponent(
        signLinkToken(secret, subscriberId, "unsubscribe", now),
      );
      return {
        manageUrl: `${baseUrl}/subscribe/manage?token=${manage}`,
        unsubscribeUrl: `${baseUrl}/unsubscribe?token=${unsubscribe}`,
        oneClickUrl: `${baseUrl}/api/subscriptions/unsubscribe?token=${unsubscribe}`,
      };
    },
  };
}
