import { NextResponse } from "next/server";
import { openApiDocument } from "@/server/api/openapi";

/** The OpenAPI 3.1 document of /api/v1 (public: it describes, it grants nothing). */
export function GET() {
  return NextResponse.json(openApiDocument());
}
