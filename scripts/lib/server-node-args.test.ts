import { describe, expect, it } from "vitest";
import { serverNodeArgs } from "./server-node-args";

describe("serverNodeArgs", () => {
  it.each([
    { env: { WEB_HEAP_MB: 192 }, args: ["--max-old-space-size=192"] },
    { env: { WEB_HEAP_MB: 512, NODE_OPTIONS: "--enable-source-maps" }, args: ["--max-old-space-size=512"] },
    // The operator's own limit wins over ours.
    { env: { WEB_HEAP_MB: 192, NODE_OPTIONS: "--max-old-space-size=1024" }, args: [] },
    { env: { WEB_HEAP_MB: 192, NODE_OPTIONS: "--trace-gc --max-old-space-size 256" }, args: [] },
    // 0: V8's own default (no limit from us).
    { env: { WEB_HEAP_MB: 0 }, args: [] },
  ])("$env → $args", ({ env, args }) => {
    expect(serverNodeArgs(env)).toEqual(args);
  });
});
