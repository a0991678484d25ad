import { describe, expect, test } from "vitest";
import { planReminders, stageFor, type TReminderCertification } from "@/lib/reminders/plan-reminders";

describe("stageFor", () => {
  test.each([
    [120, null],
    [91, null],
    [90, 90],
    [31, 90],
    [30, 30],
    [8, 30],
    [7, 7],
    [1, 7],
    [0, null],
  ])("%i days left → %s", (days, stage) => {
    expect(stageFor(days)).toBe(stage);
  });
});

const ace = (over: Partial<TReminderCertification> = {}): TReminderCertification => ({
  id: "c1",
  body: "ACE",
  certificationNumber: "ACE-1",
  cycleEndsOn: "2026-03-31",
  daysLeft: 30,
  remainingHundredths: 120,
  ...over,
});
const goodCard = { expiresOn: "2027-01-01", provider: "Red Cross" };

describe("planReminders", () => {
  test.each<[string, TReminderCertification[], { expiresOn: string; provider: string } | null, [string, number, string[]][]]>([
    ["credit short, 30 days left", [ace()], goodCard, [["cycle:c1", 30, ["1.20 CEC of continuing education"]]]],
    ["credit enough and card fine: nothing", [ace({ remainingHundredths: 0 })], goodCard, []],
    ["too early: nothing", [ace({ daysLeft: 120 })], goodCard, []],
    [
      "credit enough but no card (ACE): the card is what is missing",
      [ace({ remainingHundredths: 0 })],
      null,
      [["cycle:c1", 30, ["a current CPR/AED certificate (none is recorded on your account)"]]],
    ],
    ["NFPT needs no card", [ace({ body: "NFPT", remainingHundredths: 0 })], null, []],
    [
      "a card expiring within 30 days gets its own reminder",
      [ace({ remainingHundredths: 0, cycleEndsOn: "2026-01-15", daysLeft: 200 })],
      { expiresOn: "2025-07-20", provider: "Red Cross" },
      [["cpr", 30, ["a renewed CPR/AED certificate (Red Cross) before July 20, 2025"]]],
    ],
  ])("%s", (_name, certifications, card, expected) => {
    const planned = planReminders({ today: "2025-07-01", certifications, card });
    expect(planned.map((p) => [p.subject, p.stage, p.missing])).toEqual(expected);
  });
});
