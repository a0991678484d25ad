import { z } from "zod";
import { achievementDocument } from "@/lib/certificates/site-credentials.server";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/http/route.server";

// A course's Achievement, as JSON at the id its credentials name.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "public",
  params: z.object({ slug: z.string().min(1).max(200) }),
  handler: async ({ params }) => {
    const document = await achievementDocument(params.slug);
    if (!document) throw new AppError("NOT_FOUND", "No course has this address.");
    return Response.json(document, {
      headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" },
    });
  },
});
