import { withTenant } from "@forecourt/db";
import { z } from "zod";
import { NotFoundError } from "../errors";
import { verifyRatingToken } from "./rating-link";

export const ZRatingToken = z.object({ token: z.string().min(20).max(400) });

/** The conversation a rating link names, or 404 (a tampered, expired or unknown link all look the same). */
export async function conversationOfLink(token: string) {
  const claims = verifyRatingToken(token);
  if (!claims) throw new NotFoundError("rating link");
  const c = await withTenant(claims.cid, (tx) =>
    tx.conversation.findUnique({
      where: { id: claims.conv },
      select: {
        id: true,
        customerId: true,
        language: true,
        dealer: { select: { name: true, timeZone: true } },
        contact: { select: { email: true } },
        rating: { select: { score: true, comment: true } },
      },
    }),
  );
  if (!c || c.customerId !== claims.cid) throw new NotFoundError("rating link");
  return c;
}

/** What the public rating page shows: the dealer's name, the language, any rating given, whether an e-mail is on file. */
export async function getRatingPage(input: z.input<typeof ZRatingToken>) {
  const { token } = ZRatingToken.parse(input);
  const c = await conversationOfLink(token);
  return {
    dealerName: c.dealer.name,
    language: c.language,
    score: c.rating?.score ?? null,
    comment: c.rating?.comment ?? null,
    hasEmail: Boolean(c.contact.email),
  };
}
