/** A setup key split into groups of four, "JBSW Y3DP EHPK 3PXP", so it is easier to type. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s/g, '').match(/.{1,4}/g) ?? []).join(' ');
}
