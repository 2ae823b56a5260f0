// GET /api/health: 200 when the database and the realtime server answer, 503 naming the one
// that does not. For uptime checks and people; load balancers should ask /api/health/ready,
// which a realtime outage does not fail.
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<NextResponse> {
  const report = await checkHealth();
  return NextResponse.json(report, {
    status: report.failing.length === 0 ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
