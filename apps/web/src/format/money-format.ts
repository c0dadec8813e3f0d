const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** An amount in pence as people read it: 4900 → "£49.00". */
export function formatPounds(pence: number): string {
  return POUNDS.format(pence / 100);
}
