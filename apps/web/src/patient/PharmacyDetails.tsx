import type { Pharmacy } from '@confide/contract';
import { openingHoursRows, pharmacyAddress, phoneHref } from './pharmacy-text';
import { CLINIC_TIME } from '../format/clinic-time';

/** A pharmacy's phone number, to tap to call. */
export function PharmacyPhone({ phone }: { phone: string }) {
  return (
    <a href={phoneHref(phone)} className="nowrap">
      {phone}
    </a>
  );
}

/** Where a pharmacy is and how to ring it, as a few lines. */
export function PharmacyContact({ pharmacy }: { pharmacy: Pick<Pharmacy, 'address' | 'postcode' | 'phone'> }) {
  return (
    <>
      <span className="block">{pharmacyAddress(pharmacy)}</span>
      <span className="block">
        Phone: <PharmacyPhone phone={pharmacy.phone} />
      </span>
    </>
  );
}

/** The week's opening hours as a table of days, Monday first. */
export function OpeningHoursTable({ id, pharmacy }: { id: string; pharmacy: Pick<Pharmacy, 'openingHours'> }) {
  return (
    <table className="table" id={id}>
      <caption className="table__caption">Opening hours ({CLINIC_TIME})</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Hours</th>
        </tr>
      </thead>
      <tbody>
        {openingHoursRows(pharmacy.openingHours).map((row) => (
          <tr key={row.day}>
            <th scope="row">{row.day}</th>
            <td>{row.hours}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
