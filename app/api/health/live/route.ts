// GET /api/health/live: 200 whenever the process answers, with no dependency checks (also while
// draining). For liveness probes: a failing one means "restart me", which no outage elsewhere fixes.
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

export function GET(): NextResponse {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
