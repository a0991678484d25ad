"use client";

import { usePathname, useSearchParams } from "next/navigation";

/** This page's URL with some search parameters changed (null removes one), the others kept. */
export function useUrlWith() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
}
