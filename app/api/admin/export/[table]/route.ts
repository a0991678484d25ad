import { z } from "zod";
import { EXPORT_TABLES, streamAdminExport } from "@/lib/admin/exports.server";
import { csvResponse } from "@/lib/admin/stream-csv.server";
import { defineRoute } from "@/lib/http/route.server";

// GET /api/admin/export/{trainers|audit|funnel|attempts|ledger|weekly}?<the page's filters>:
// the table as CSV, streamed a page of rows at a time. Admins only (checked here and again in
// the domain functions).
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "admin",
  params: z.object({ table: z.enum(EXPORT_TABLES) }),
  handler: async ({ req, user, params }) => {
    const stream = await streamAdminExport({
      adminId: user!.id,
      table: params.table,
      params: new URL(req.url).searchParams,
      timeZone: user!.timeZone,
    });
    return csvResponse(stream, `backbone-ce-${params.table}`);
  },
});
