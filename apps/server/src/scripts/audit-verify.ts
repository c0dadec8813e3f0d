import { verifyAuditChain } from '../audit/audit-chain';
import { loadConfig } from '../config/config';
import { openDatabases } from '../db/open-databases';

/** `npm run audit:verify`: checks the whole audit chain and names the first broken link. Exit 1 if broken. */
const config = loadConfig();
const dbs = await openDatabases(config);
try {
  const result = await verifyAuditChain(dbs.admin);
  if (result.ok) {
    console.log(`Audit log intact: ${result.entriesChecked} entries, hash chain unbroken.`);
  } else {
    console.log(`Audit log BROKEN at entry ${result.firstBrokenId}: ${result.problem}. ${result.entriesChecked} entries before it verified.`);
    process.exitCode = 1;
  }
} finally {
  await dbs.close();
}
