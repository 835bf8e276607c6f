import { redirect } from "next/navigation";
import { getCurrentSession, sessionCan } from "@/server/session";

export default async function Home() {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  redirect(sessionCan(session, "inbox.view") ? "/inbox" : "/provider");
}
