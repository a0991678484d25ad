import { type TCertifyingBody, ZCertifyingBody } from "@/lib/credits/certifying-bodies";
import { isId } from "@/lib/ids";
import { readSearchText } from "@/lib/text/safe-text";

// The admin certificate queue's filters, read leniently from the address: a bad value is dropped,
// not an error, because the page is also reached by hand-edited links.

export type TQueueFilters = { courseId?: string; body?: TCertifyingBody; q?: string; page?: number };

export function parseQueueFilters(input: { course?: string; body?: string; q?: string; page?: number }): TQueueFilters {
  const body = ZCertifyingBody.safeParse(input.body);
  return {
    courseId: isId(input.course) ? input.course : undefined,
    body: body.success ? body.data : undefined,
    q: readSearchText(input.q),
    page: input.page,
  };
}
