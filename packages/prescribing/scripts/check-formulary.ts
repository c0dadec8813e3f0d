/** Checks the formulary and interactions: `npx tsx packages/prescribing/scripts/check-formulary.ts`. */
import { loadFormulary } from '../src/formulary/formulary';

const f = loadFormulary();
const cds = f.medicines.filter((m) => m.controlledSchedule !== null).length;
console.log(`${f.medicines.length} medicines (${new Set(f.medicines.map((m) => m.name)).size} distinct), ${f.interactions.length} interaction pairs, ${cds} controlled drugs: OK`);
