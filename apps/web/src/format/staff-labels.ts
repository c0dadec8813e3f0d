import type { Profession } from '@confide/domain';
import type { Organisation } from '@confide/contract';

export const PROFESSION_LABELS: Record<Profession, string> = {
  gp: 'GP',
  nurse: 'Nurse',
  therapist: 'Therapist',
  specialist: 'Specialist',
};

export const ORGANISATION_KIND_LABELS: Record<Organisation['kind'], string> = {
  clinic: 'Clinic',
  pharmacy: 'Pharmacy',
  partner: 'Partner organisation',
};
