import { describe, expect, test } from "vitest";
import { decodeStatusList, encodeStatusList, isStatusSet, STATUS_LIST_SIZE, splitStatusIndex, statusIndexCapacity } from "@/lib/certificates/status-list";

describe("Bitstring Status List encoding", () => {
  test("round-trips the set positions, index 0 being the first byte's high bit", () => {
    const bits = decodeStatusList(encodeStatusList([0, 7, 8, 131_071]));
    expect(bits.length).toBe(STATUS_LIST_SIZE / 8);
    expect(bits[0]).toBe(0b1000_0001);
    expect(bits[1]).toBe(0b1000_0000);
    expect(bits[bits.length - 1]).toBe(0b0000_0001);
    expect([0, 1, 7, 8, 9, 131_071].map((p) => isStatusSet(bits, p))).toEqual([true, false, true, true, false, true]);
  });

  test("an empty list is all zeros and compresses well", () => {
    const encoded = encodeStatusList([]);
    expect(encoded.startsWith("u")).toBe(true);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(200);
    expect(decodeStatusList(encoded).every((b) => b === 0)).toBe(true);
  });

  test.each([-1, STATUS_LIST_SIZE, 1.5])("refuses position %s", (position) => {
    expect(() => encodeStatusList([position])).toThrow();
  });

  test("refuses an encodedList without the multibase prefix", () => {
    expect(() => decodeStatusList(encodeStatusList([]).slice(1))).toThrow();
  });
});

describe("status indexes", () => {
  test.each([
    [0, { list: 0, position: 0 }],
    [131_071, { list: 0, position: 131_071 }],
    [131_072, { list: 1, position: 0 }],
    [300_000, { list: 2, position: 300_000 - 2 * 131_072 }],
  ])("splitStatusIndex(%i)", (index, expected) => {
    expect(splitStatusIndex(index)).toEqual(expected);
  });

  test.each([
    [0, STATUS_LIST_SIZE],
    [65_535, STATUS_LIST_SIZE],
    [65_536, 2 * STATUS_LIST_SIZE],
    [200_000, 4 * STATUS_LIST_SIZE],
  ])("capacity keeps lists at most half full: %i assigned", (assigned, capacity) => {
    expect(statusIndexCapacity(assigned)).toBe(capacity);
  });
});
