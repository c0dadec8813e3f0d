export * from './formulary/schema';
export { loadFormulary, formularyProblems, type Formulary } from './formulary/formulary';
export { searchFormulary } from './formulary/search';
export { checkPrescription, maySign, needsReason, type PrescribingAlert, type AlertSeverity, type PatientContext, type ProposedItem } from './checks/prescription-checks';
