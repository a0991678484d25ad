import { setting } from "@/lib/env";

// The client's address as the nearest proxy saw it. scripts/serve.ts (the production server)
// appends the socket address to x-forwarded-for, so the last entry cannot be forged by the client;
// behind a load balancer set TRUSTED_PROXY_HOPS to the number of proxies in front of the app.
export function clientIp(forwardedFor: string | null | undefined): string {
  const parts = (forwardedFor ?? "").split(",").map((p) => p.trim()).filter(Boolean);
  const hops = setting("TRUSTED_PROXY_HOPS");
  return parts[Math.max(0, parts.length - 1 - hops)] ?? "unknown";
}

/** Whether the client address is this machine (health details are shown to it). */
export function isLoopback(ip: string): boolean {
  return ip === "127.0.0.1" || ip === "::1" || ip === "::ffff:127.0.0.1" || ip.startsWith("127.");
}
