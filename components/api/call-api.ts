"use client";

// JSON calls from client islands to the site's own route handlers: same-origin only, every failure
// (HTTP error, offline) returned as readable text instead of thrown. A plain function, not a hook.
export type TApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; fields?: Record<string, string> };

export async function callApi<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<TApiResult<T>> {
  try {
    const res = await fetch(url, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: "no-store",
    });
    const json = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
    if (!res.ok) return { ok: false, status: res.status, message: json?.error?.message ?? `Request failed (${res.status}).`, fields: json?.error?.fields };
    return { ok: true, data: json as T };
  } catch {
    return { ok: false, status: 0, message: "You appear to be offline. Check your connection and try again." };
  }
}
