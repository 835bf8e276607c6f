import { z } from "zod";
import { listLeads, ZListLeads } from "@forecourt/core/leads/list-leads";
import { ZApiCursorQuery, ZApiLeadPage } from "@forecourt/protocol/api";
import { decodeCursor, encodeCursor } from "../cursor";
import { defineApiEndpoint } from "../endpoint";

const ZLeadCursor = z.object({ createdAt: z.iso.datetime(), id: z.uuid() });

export const listLeadsEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/leads",
    operationId: "listLeads",
    summary: "List leads (form results)",
    description:
      "Every chat a visitor started with the website chat's pre-chat form (source pre_chat) or its offline form " +
      "(offline), newest first, with the answers: name, e-mail, phone, department, the offline message, and any " +
      "form-result fields. Filter by dealer or since a time.",
    tag: "Leads",
    permission: "leads.view",
    query: ZApiCursorQuery.extend({ dealerId: ZListLeads.shape.dealerId, since: ZListLeads.shape.since }),
    response: ZApiLeadPage,
  },
  async ({ principal, query }) => {
    const before = decodeCursor(ZLeadCursor, query.cursor);
    const rows = await listLeads({
      actor: principal,
      input: { dealerId: query.dealerId, since: query.since, before, take: query.limit + 1 },
    });
    const data = rows.slice(0, query.limit);
    const last = data.at(-1);
    return {
      data,
      nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  },
);
