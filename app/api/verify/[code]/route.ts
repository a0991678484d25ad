import { z } from "zod";
import { provideVerifyApi } from "@/lib/certificates/verify-api-hook";
import { answerVerifyApi } from "@/lib/certificates/verify-api.server";
import { defineRoute } from "@/lib/http/route.server";

// Public JSON verification (lib/certificates/verify-api.server.ts). In production scripts/serve.ts
// answers it with the same function once this module has loaded (docs/decisions/018); this route
// answers the first request after start-up, `next dev` and the tests that call it directly.
export const dynamic = "force-dynamic";

provideVerifyApi(answerVerifyApi);

export const GET = defineRoute({
  auth: "public",
  params: z.object({ code: z.string() }),
  handler: async ({ req, params }) => {
    const answer = await answerVerifyApi(params.code, req.headers.get("x-forwarded-for"));
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  },
});
