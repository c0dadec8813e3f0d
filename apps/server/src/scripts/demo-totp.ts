import { currentTotpCode } from '../identity/totp';
import { DEMO_ACCOUNTS } from '../seed/demo-accounts';

/** Prints the current TOTP code of a demo staff account: `npm run demo:totp -- asha.patel@example.org`. */
const email = process.argv[2]?.toLowerCase();
const staff = DEMO_ACCOUNTS.filter((a) => a.totpSecret);
const account = staff.find((a) => a.email === email);
if (!account?.totpSecret) {
  console.error(`Usage: npm run demo:totp -- <email>\nDemo staff: ${staff.map((a) => a.email).join(', ')}`);
  process.exit(2);
}
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${currentTotpCode(account.totpSecret)}  (${account.displayName}; valid for ${secondsLeft} more seconds)`);
