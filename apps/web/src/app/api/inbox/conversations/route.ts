import { NextResponse } from "next/server";
import { listConversations, ZListConversations } from "@forecourt/core/chat/list-conversations";
import { errorResponse } from "@/server/chat-http";
import { agentFor } from "@/server/agent";

/** The inbox list: ?view=mine|unassigned|open|closed&dealerId=&departmentId=&before= */
export async function GET(request: Request) {
  const auth = await agentFor("inbox.view");
  if ("response" in auth) return auth.response;
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const input = ZListConversations.safeParse(params);
  if (!input.success) return errorResponse(input.error);
  try {
    return NextResponse.json({ conversations: await listConversations({ agent: auth.agent, input: input.data }) });
  } catch (error) {
    return errorResponse(error);
  }
}
