import { NextResponse } from "next/server";

/** Liveness for the start script and load balancers. */
export function GET() {
  return NextResponse.json({ ok: true });
}
