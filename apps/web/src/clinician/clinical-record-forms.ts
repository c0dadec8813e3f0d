import type { z } from 'zod';
import { AddAllergyRequest, AddCurrentMedicineRequest } from '@confide/contract';
import { fieldErrorsFromIssues, renameFields } from '../forms/field-errors';
import type { Checked } from './availability-forms';

export type AllergyRequest = z.infer<typeof AddAllergyRequest>;
export type CurrentMedicineRequest = z.infer<typeof AddCurrentMedicineRequest>;

export interface AllergyValues {
  substance: string;
  reaction: string;
}

export const ALLERGY_FIELDS = ['allergySubstance', 'allergyReaction'] as const;
export const ALLERGY_FIELD_IDS: Record<string, string> = { substance: 'allergySubstance', reaction: 'allergyReaction' };

export function checkAllergy(values: AllergyValues): Checked<AllergyRequest> {
  const result = AddAllergyRequest.safeParse(values);
  if (!result.success) return { ok: false, errors: renameFields(fieldErrorsFromIssues(result.error.issues), ALLERGY_FIELD_IDS) };
  return { ok: true, request: result.data };
}

export interface CurrentMedicineValues {
  medicineId: string;
  dose: string;
}

export const CURRENT_MEDICINE_FIELDS = ['currentMedicine', 'currentMedicineDose'] as const;
export const CURRENT_MEDICINE_FIELD_IDS: Record<string, string> = { medicineId: 'currentMedicine', dose: 'currentMedicineDose' };

export function checkCurrentMedicine(values: CurrentMedicineValues): Checked<CurrentMedicineRequest> {
  const result = AddCurrentMedicineRequest.safeParse(values);
  if (!result.success) return { ok: false, errors: renameFields(fieldErrorsFromIssues(result.error.issues), CURRENT_MEDICINE_FIELD_IDS) };
  return { ok: true, request: result.data };
}
