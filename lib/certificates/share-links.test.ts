import { expect, test } from "vitest";
import { linkedInAddToProfileUrl } from "@/lib/certificates/share-links";

const CERT = {
  name: "Back Care for Trainers: Strength, Flexibility & Posture",
  organizationName: "Backbone CE",
  issuedOn: "2026-03-04",
  credentialId: "BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG6",
  verifyUrl: "https://ce.example.com/verify/BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG6",
};

test("pre-fills name, issuer, issue month, credential id and verify URL", () => {
  const url = new URL(linkedInAddToProfileUrl(CERT));
  expect(url.origin + url.pathname).toBe("https://www.linkedin.com/profile/add");
  expect(Object.fromEntries(url.searchParams)).toEqual({
    startTask: "CERTIFICATION_NAME",
    name: CERT.name,
    organizationName: "Backbone CE",
    issueYear: "2026",
    issueMonth: "3",
    certUrl: CERT.verifyUrl,
    certId: CERT.credentialId,
  });
});

test("adds the expiry only when there is one", () => {
  const url = new URL(linkedInAddToProfileUrl({ ...CERT, expiresOn: "2028-12-31" }));
  expect(url.searchParams.get("expirationYear")).toBe("2028");
  expect(url.searchParams.get("expirationMonth")).toBe("12");
});

test("escapes whatever the title holds", () => {
  const url = linkedInAddToProfileUrl({ ...CERT, name: "A & B #1 ?x=y" });
  expect(new URL(url).searchParams.get("name")).toBe("A & B #1 ?x=y");
  expect(url).not.toContain(" ");
});
