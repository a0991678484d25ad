import { readProviderRecordFilters, ZProviderRecordFilters } from "@/lib/admin/provider-records";
import { streamProviderRecordsCsv } from "@/lib/admin/provider-records.server";
import { parseWith } from "@/lib/errors";
import { csvFileName, csvResponse } from "@/lib/http/download";
import { defineRoute } from "@/lib/http/route.server";

// GET /api/admin/provider-records?course=<slug>&from=YYYY-MM-DD&to=YYYY-MM-DD: every course
// completion with its evidence, as CSV for a certifying body's audit. Admins only.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "admin",
  handler: async ({ req, user }) => {
    const filters = parseWith(ZProviderRecordFilters, readProviderRecordFilters(new URL(req.url).searchParams), "filter");
    const stream = await streamProviderRecordsCsv({ adminId: user!.id, filters });
    return csvResponse(stream, csvFileName(`backbone-ce-provider-records${filters.course ? `-${filters.course}` : ""}`));
  },
});
