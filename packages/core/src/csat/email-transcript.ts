import { withTenant } from "@forecourt/db";
import { z } from "zod";
import { authorsOf } from "../chat/message-event";
import { InvalidInputError, RateLimitedError } from "../errors";
import { mailLocaleOf, renderMail } from "../mail/render-mail";
import { sendMail } from "../mail/send-mail";
import { conversationOfLink, ZRatingToken } from "./rating-page";

/** At most one transcript e-mail per conversation in this window (the link must not become a mail cannon). */
const WINDOW_MS = 10 * 60_000;

export const ZEmailTranscript = ZRatingToken.extend({
  /** Needed only when no e-mail address is on file for the contact. */
  email: z.union([z.email("Enter a valid e-mail address").max(200), z.literal("")]).optional(),
});

/**
 * E-mails the conversation's transcript (what the contact and the dealer wrote; never private
 * notes or internal events) to the contact's address on file, or the one given when none is. The
 * window is claimed with one conditional UPDATE, so parallel requests send one e-mail.
 */
export async function emailTranscript(input: z.input<typeof ZEmailTranscript>, now = new Date()) {
  const { token, email } = ZEmailTranscript.parse(input);
  const c = await conversationOfLink(token);
  const to = c.contact.email || email;
  if (!to)
    throw new InvalidInputError("Enter your e-mail address", [{ path: "email", message: "Enter your e-mail address" }]);
  const transcript = await withTenant(c.customerId, async (tx) => {
    const claimed = await tx.$executeRaw`
      UPDATE "Conversation" SET "transcriptSentAt" = ${now}
       WHERE "id" = ${c.id}::uuid AND ("transcriptSentAt" IS NULL OR "transcriptSentAt" < ${new Date(now.getTime() - WINDOW_MS)})`;
    if (claimed === 0) return null;
    const rows = await tx.message.findMany({
      where: { conversationId: c.id, kind: { in: ["TEXT", "ATTACHMENT", "FORM"] } },
      orderBy: { seq: "asc" },
      take: 2000,
      select: {
        authorType: true,
        authorUserId: true,
        body: true,
        data: true,
        createdAt: true,
        attachments: { select: { fileName: true } },
      },
    });
    const authors = await authorsOf(tx, rows);
    const contact = await tx.contact.findFirst({
      where: { conversations: { some: { id: c.id } } },
      select: { name: true },
    });
    return rows.map((m) => ({
      at: m.createdAt,
      // The contact, a teammate by name, a bot by its name, else the dealer.
      who:
        m.authorType === "CONTACT"
          ? (contact?.name ?? null)
          : m.authorUserId
            ? (authors.get(m.authorUserId)?.name ?? c.dealer.name)
            : ((m.data as { name?: string } | null)?.name ?? c.dealer.name),
      text: [m.body, ...m.attachments.map((a) => `[${a.fileName}]`)].filter(Boolean).join(" "),
    }));
  });
  if (!transcript)
    throw new RateLimitedError(Math.ceil(WINDOW_MS / 1000), "The transcript was sent a moment ago. Check your inbox.");
  await sendMail({
    to,
    // In the conversation's language (the widget's locale), times on the dealer's clock.
    ...renderMail("transcript", mailLocaleOf(c.language), {
      dealerName: c.dealer.name,
      timeZone: c.dealer.timeZone,
      messages: transcript,
    }),
  });
  return { sentTo: c.contact.email ? "on_file" : "given" };
}
