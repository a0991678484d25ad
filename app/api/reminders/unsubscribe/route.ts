import { ZUnsubscribeQuery } from "@/lib/certifications/certification-schemas";
import { parseWith } from "@/lib/errors";
import { assertSameOrigin, errorResponse } from "@/lib/http/route.server";
import { unsubscribeWithToken } from "@/lib/reminders/unsubscribe.server";

// One-click unsubscribe (RFC 8058). A mail client POSTs "List-Unsubscribe=One-Click" here with no
// session; the signed token in the URL is the authorization. The confirmation page's form posts
// here too and is sent back to that page. The body is form data, not JSON, so this handler does
// by hand what defineRoute does: origin check, zod, readable errors.
export const POST = async (req: Request): Promise<Response> => {
  try {
    assertSameOrigin(req);
    const url = new URL(req.url);
    const { token } = parseWith(ZUnsubscribeQuery, { token: url.searchParams.get("token") ?? "" }, "link");
    await unsubscribeWithToken(token);
    if ((req.headers.get("accept") ?? "").includes("text/html")) {
      return new Response(null, { status: 303, headers: { Location: `/unsubscribe?done=1`, "Cache-Control": "no-store" } });
    }
    return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
};
