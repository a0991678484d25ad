// Counts as pages print them: grouped in a fixed locale ("1,234"), so the server's settings never
// change the output.

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
