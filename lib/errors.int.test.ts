import { expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/errors";

// The codes in lib/errors.ts as the installed Prisma client and pg adapter really produce them.
test("a real Prisma client pointed at a closed port fails with an error read as unavailable", async () => {
  const client = createPrismaClient("postgresql://postgres@127.0.0.1:1/nothing", { max: 1 });
  try {
    const error = await client.user.count().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(true);
    const raw = await client.$queryRaw`SELECT 1`.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDatabaseUnavailable(raw)).toBe(true);
  } finally {
    await client.$disconnect();
  }
});

test("a query error from a live database is not read as unavailable", async () => {
  const client = createPrismaClient(process.env.DATABASE_URL!, { max: 1 });
  try {
    const error = await client.$queryRawUnsafe("SELECT * FROM no_such_table").then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(false);
  } finally {
    await client.$disconnect();
  }
});
