import { NextResponse } from "next/server";
import { respond, routeMeta } from "@/server/chat-http";
import { handleLegalBasisRegister } from "@/server/handlers/data-protection";
import { getCurrentSession } from "@/server/session";

/** The tenant's legal-basis register (T 7.2) as a JSON download. */
export async function GET(request: Request) {
  return respond(
    handleLegalBasisRegister(await getCurrentSession(), undefined, routeMeta(request)),
    (register) =>
      new NextResponse(JSON.stringify(register, null, 2), {
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Disposition": `attachment; filename="legal-basis-register-${register.exportedAt.slice(0, 10)}.json"`,
          "Cache-Control": "no-store",
        },
      }),
  );
}
