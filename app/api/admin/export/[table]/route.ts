import { z } from "zod";
import { EXPORT_TABLES, streamAdminExport } from "@/lib/admin/exports.server";
import { parseWith } from "@/lib/errors";
import { csvFileName, csvResponse } from "@/lib/http/download";
import { defineRoute } from "@/lib/http/route.server";
import { ZSearchText } from "@/lib/text/safe-text";

// GET /api/admin/export/{trainers|audit|funnel|attempts|ledger|weekly}?<the page's filters>:
// the table as CSV, streamed a page of rows at a time. Admins only (checked here and again in
// the domain functions).
export const dynamic = "force-dynamic";

// Every query parameter (name and value) passes the shared text rule before a byte is streamed: a
// refused one is a 422 with its message, not a 200 that aborts half-way.
const ZExportQuery = z.array(z.tuple([ZSearchText(64), ZSearchText(254)])).max(32, "Too many filters.");

export const GET = defineRoute({
  auth: "admin",
  params: z.object({ table: z.enum(EXPORT_TABLES) }),
  handler: async ({ req, user, params }) => {
    const searchParams = new URL(req.url).searchParams;
    parseWith(ZExportQuery, [...searchParams.entries()], "filter");
    const stream = await streamAdminExport({
      adminId: user!.id,
      table: params.table,
      params: searchParams,
      timeZone: user!.timeZone,
    });
    return csvResponse(stream, csvFileName(`backbone-ce-${params.table}`));
  },
});
