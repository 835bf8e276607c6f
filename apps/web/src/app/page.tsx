import { redirect } from "next/navigation";
import { getCurrentSession, sessionCan } from "@/server/session";

export default async function Home() {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  // Managed agents have no workspace of their own: they work the Plus customers' queue.
  if (!session.active && !sessionCan(session, "provider.console") && session.user.providerRole === "MANAGED_AGENT") {
    redirect("/provider/managed-queue");
  }
  redirect(sessionCan(session, "inbox.view") ? "/inbox" : "/provider");
}
