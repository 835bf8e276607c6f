import { z } from "zod";
import { listDealers } from "@forecourt/core/directory/list-dealers";
import { listDepartments, ZListDepartments } from "@forecourt/core/directory/list-departments";
import { listDirectoryChannels } from "@forecourt/core/directory/list-directory-channels";
import { listDirectoryUsers } from "@forecourt/core/directory/list-directory-users";
import type { TDirectoryPage } from "@forecourt/core/directory/directory-page";
import {
  ZApiChannelPage,
  ZApiCursorQuery,
  ZApiDealerPage,
  ZApiDepartmentPage,
  ZApiUserPage,
} from "@forecourt/protocol/api";
import { decodeCursor, encodeCursor } from "../cursor";
import { defineApiEndpoint } from "../endpoint";

/*
 * The directory (directory:read): dealers, departments, teammates and channels within the key's
 * dealers, paged by id. Ids from here go into assign, transfer and the list filters.
 */

const ZIdCursor = z.object({ afterId: z.uuid() });

/** Runs a directory list for one page (one row more, to know whether there is a next page). */
async function page<T extends { id: string }>(
  query: { cursor?: string; limit: number },
  list: (page: TDirectoryPage) => Promise<T[]>,
) {
  const position = decodeCursor(ZIdCursor, query.cursor);
  const rows = await list({ afterId: position?.afterId, take: query.limit + 1 });
  const data = rows.slice(0, query.limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > query.limit && last ? encodeCursor({ afterId: last.id }) : null };
}

export const listDealersEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/dealers",
    operationId: "listDealers",
    summary: "List dealers",
    tag: "Directory",
    permission: "directory.view",
    query: ZApiCursorQuery,
    response: ZApiDealerPage,
  },
  ({ principal, query }) => page(query, (p) => listDealers({ actor: principal, page: p })),
);

export const listDepartmentsEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/departments",
    operationId: "listDepartments",
    summary: "List departments",
    tag: "Directory",
    permission: "directory.view",
    query: ZApiCursorQuery.extend({ dealerId: ZListDepartments.shape.dealerId }),
    response: ZApiDepartmentPage,
  },
  ({ principal, query }) =>
    page(query, (p) => listDepartments({ actor: principal, input: { dealerId: query.dealerId }, page: p })),
);

export const listUsersEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/users",
    operationId: "listUsers",
    summary: "List teammates",
    description:
      "Members of your workspace who work for the key's dealers: name, e-mail, role, status, dealer and department " +
      "scope (within the key's dealers; empty: all). Never passwords, two-factor or sessions.",
    tag: "Directory",
    permission: "directory.view",
    query: ZApiCursorQuery,
    response: ZApiUserPage,
  },
  ({ principal, query }) => page(query, (p) => listDirectoryUsers({ actor: principal, page: p })),
);

export const listChannelsEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/channels",
    operationId: "listChannels",
    summary: "List channels",
    description: "Type, name, dealer and status; never settings, tokens or secrets.",
    tag: "Directory",
    permission: "directory.view",
    query: ZApiCursorQuery,
    response: ZApiChannelPage,
  },
  ({ principal, query }) => page(query, (p) => listDirectoryChannels({ actor: principal, page: p })),
);
