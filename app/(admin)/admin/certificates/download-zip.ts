"use client";

/** Asks for a ZIP of certificate PDFs and saves it; returns an error message, or null when saved. */
export async function downloadZip(codes: string[]): Promise<string | null> {
  try {
    const res = await fetch("/api/admin/certificates/zip", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ codes }) });
    if (!res.ok) {
      const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      return json?.error?.message ?? `Download failed (${res.status}).`;
    }
    const blob = await res.blob();
    const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "certificates.zip";
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return null;
  } catch {
    return "You appear to be offline. Check your connection and try again.";
  }
}
