// How scripts/serve.ts answers GET /api/verify/<code> without Next's per-request route work
// (docs/decisions/018). The answer itself is built inside Next's server bundle
// (verify-api.server.ts: the same rate-limit leases, lookup cache and database client as the
// page and the revoke route); when that bundle loads the route it leaves the function here, on
// globalThis, and the server calls it from then on. Until the route is first loaded the server
// hands the request to Next, which answers it the same way. Plain module: the server process
// runs without the react-server condition, so it cannot import *.server.ts files itself.

export type TVerifyApiAnswer = { status: number; headers: Record<string, string>; body: string };
type TVerifyApi = (code: string, forwardedFor: string | null) => Promise<TVerifyApiAnswer>;

const store = globalThis as unknown as { __backboneVerifyApi?: TVerifyApi };

export function provideVerifyApi(answer: TVerifyApi): void {
  store.__backboneVerifyApi = answer;
}

/** The verify API's answer function once Next has loaded the route; undefined before. */
export function findVerifyApi(): TVerifyApi | undefined {
  return store.__backboneVerifyApi;
}

const VERIFY_API_PATH = /^\/api\/verify\/([^/]+)$/;

/** The code segment of a verify API path (still %-encoded), or null for any other path. */
export function verifyApiCode(pathname: string): string | null {
  return VERIFY_API_PATH.exec(pathname)?.[1] ?? null;
}
