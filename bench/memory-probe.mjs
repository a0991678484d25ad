// BENCH_SERVER_NODE_ARGS="--import=./bench/memory-probe.mjs" npm run bench -- <section>:
// the server writes its memory split (RSS, V8 heap, external, array buffers) every half second
// to $BENCH_MEMORY_LOG (default /tmp/backbone-memory.jsonl), to say what the peak RSS is made of.
import { appendFileSync } from "node:fs";
import v8 from "node:v8";

const file = process.env.BENCH_MEMORY_LOG ?? "/tmp/backbone-memory.jsonl";
const mb = (n) => Math.round(n / 1048576);
setInterval(() => {
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_size)]));
  appendFileSync(file, `${JSON.stringify({ t: Date.now(), rss: mb(m.rss), heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), spaces })}\n`);
}, 500).unref();
