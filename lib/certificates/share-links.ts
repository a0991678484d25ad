/*
 * "Add to LinkedIn profile": LinkedIn's add-to-profile address pre-fills a Licenses & certifications
 * entry (https://addtoprofile.linkedin.com documents the parameters). Nothing is sent to LinkedIn
 * until the trainer opens the link and saves the entry there.
 */

export type TLinkedInCertification = {
  /** Certification name as it should appear on the profile: the course title. */
  name: string;
  organizationName: string;
  /** Calendar date YYYY-MM-DD the certificate was issued. */
  issuedOn: string;
  /** YYYY-MM-DD, when the certificate expires; ours do not. */
  expiresOn?: string | null;
  credentialId: string;
  verifyUrl: string;
};

export function linkedInAddToProfileUrl(c: TLinkedInCertification): string {
  const [issueYear, issueMonth] = c.issuedOn.split("-").map(Number);
  const params = new URLSearchParams({
    startTask: "CERTIFICATION_NAME",
    name: c.name,
    organizationName: c.organizationName,
    issueYear: String(issueYear),
    issueMonth: String(issueMonth),
    certUrl: c.verifyUrl,
    certId: c.credentialId,
  });
  if (c.expiresOn) {
    const [expirationYear, expirationMonth] = c.expiresOn.split("-").map(Number);
    params.set("expirationYear", String(expirationYear));
    params.set("expirationMonth", String(expirationMonth));
  }
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}
