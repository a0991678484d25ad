import "server-only";
import { env } from "@/lib/env";

/** An absolute address on this site (mail links, verify links, credential ids): NEXTAUTH_URL, else localhost. */
export function siteUrl(path = ""): string {
  const base = env().NEXTAUTH_URL ?? `http://localhost:${env().PORT}`;
  return new URL(path, base).toString();
}
