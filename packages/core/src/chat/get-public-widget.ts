import { withTenant } from "@forecourt/db";
import { ZLocalisedNames, ZWidgetConfig, type TPublicWidget, type TWidgetConfig } from "@forecourt/protocol";
import { isOpen, parseBusinessHours, parseHolidays } from "./business-hours";
import { customerIdOfWidgetKey } from "./keys";

export function parseWidgetConfig(value: unknown): TWidgetConfig {
  const result = ZWidgetConfig.safeParse(value ?? {});
  return result.success ? result.data : ZWidgetConfig.parse({});
}

/** Whether a page origin may embed this widget (exact match on scheme, host and port). */
export function originAllowed(config: TWidgetConfig, origin: string | null | undefined): boolean {
  if (!origin) return false;
  return config.allowedOrigins.some((allowed) => allowed.toLowerCase() === origin.toLowerCase());
}

export type TWidgetLookup =
  | { ok: true; widget: TPublicWidget; customerId: string; dealerId: string }
  | { ok: false; reason: "not_found" | "origin_not_allowed" };

/**
 * The public settings of a widget channel for a page origin. Unknown keys, disabled channels,
 * inactive customers and origins not on the channel's list all get nothing.
 */
export async function getPublicWidget(options: {
  key: string;
  origin: string | null;
  now?: Date;
}): Promise<TWidgetLookup> {
  const customerId = customerIdOfWidgetKey(options.key);
  if (!customerId) return { ok: false, reason: "not_found" };
  return withTenant(customerId, async (tx) => {
    const channel = await tx.channel.findUnique({
      where: { publicKey: options.key },
      include: { dealer: { include: { departments: { orderBy: { name: "asc" } } } } },
    });
    if (!channel || channel.type !== "WIDGET" || channel.status !== "ACTIVE") return { ok: false, reason: "not_found" };
    const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { status: true } });
    if (!customer || !["ACTIVE", "PENDING"].includes(customer.status)) return { ok: false, reason: "not_found" };
    const config = parseWidgetConfig(channel.config);
    if (!originAllowed(config, options.origin)) return { ok: false, reason: "origin_not_allowed" };
    // The dealer's hours and holidays (a department's own hours apply once the visitor chose it: routing).
    const open = isOpen(
      {
        hours: parseBusinessHours(channel.dealer.businessHours),
        holidays: parseHolidays(channel.dealer.holidays),
        timeZone: channel.dealer.timeZone,
      },
      options.now ?? new Date(),
    );
    return {
      ok: true,
      customerId,
      dealerId: channel.dealerId,
      widget: {
        channelId: channel.id,
        dealerName: config.dealerName || channel.dealer.name,
        config,
        open,
        departments: config.askDepartment
          ? channel.dealer.departments.map((d) => ({
              id: d.id,
              name: d.name,
              names: ZLocalisedNames.catch({}).parse(d.visitorNames),
            }))
          : [],
      },
    };
  });
}
