import { useState } from 'react';
import { Link } from 'react-router';
import { API, type ClinicalRecord, type Nomination, type Prescription, type PrescriptionList, type RepeatRequest, type RepeatRequestList } from '@confide/contract';
import { useApi } from '../api/use-api';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { LoadFailed } from '../components/LoadFailed';
import { Page } from '../components/Page';
import { SummaryList } from '../components/SummaryList';
import { medicineLabel } from '../format/prescription-labels';
import { useSignedInUser } from '../session/use-session';
import { FocusedNotice } from './FocusedNotice';
import { PHARMACY_PATH, prescriptionPath } from './patient-paths';
import { pharmacyAddress } from './pharmacy-text';
import { prescriptionStatusText, ukDate } from './prescription-status';
import { RepeatRequestTable } from './RepeatRequestTable';
import { repeatProblemText, repeatRequestsToShow } from './repeat-requests';

export const NO_PRESCRIPTIONS_TEXT = 'You have no prescriptions yet.';

/** Where new prescriptions go, with a link to change it. */
function NominatedPharmacyLine() {
  const { resource, reload } = useApiResource<Nomination>(API.myNominatedPharmacy);
  return (
    <AsyncContent resource={resource} loadingText="Loading your pharmacy…" failureText="Your pharmacy could not be loaded." onRetry={reload}>
      {({ pharmacy }) =>
        pharmacy ? (
          <p>
            New prescriptions are sent to your nominated pharmacy, <strong>{pharmacy.name}</strong>, {pharmacyAddress(pharmacy)}.{' '}
            <Link to={PHARMACY_PATH}>Change pharmacy</Link>
          </p>
        ) : (
          <p>
            You have not chosen a pharmacy yet. <Link to={PHARMACY_PATH}>Choose a pharmacy</Link>
          </p>
        )
      }
    </AsyncContent>
  );
}

interface PrescriptionCardProps {
  prescription: Prescription;
  onRepeatRequested: (request: RepeatRequest) => void;
}

function PrescriptionCard({ prescription, onRepeatRequested }: PrescriptionCardProps) {
  const api = useApi();
  const [requesting, setRequesting] = useState(false);
  const [requested, setRequested] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { medicine } = prescription;
  const headingId = `prescription-${prescription.id}-heading`;

  async function requestRepeat() {
    if (requesting) return;
    setRequesting(true);
    setProblem(null);
    try {
      const request = await api.post<RepeatRequest>(API.prescriptionRepeatRequests(prescription.id), {});
      setRequested(true);
      onRepeatRequested(request);
    } catch (error) {
      setProblem(repeatProblemText(error));
    }
    setRequesting(false);
  }

  return (
    <li className="card">
      <h2 className="card__title" id={headingId}>
        {medicineLabel(medicine)}
      </h2>
      <p>
        <strong>{prescriptionStatusText(prescription)}</strong>
      </p>
      <p className="secondary-text">
        Issued <time dateTime={prescription.issuedAt}>{ukDate(prescription.issuedAt)}</time>
      </p>
      <SummaryList
        rows={[
          { term: 'How to take it', value: <span className="reason-text">{prescription.instructions}</span> },
          { term: 'Prescribed by', value: prescription.prescriber.name },
        ]}
      />
      {requested && (
        <FocusedNotice>
          <p>
            You have asked for a repeat of {medicine.name}. Your clinician will decide, and their answer will appear under
            Repeat requests.
          </p>
        </FocusedNotice>
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <div className="action-row">
        <Link to={prescriptionPath(prescription.id)}>
          View prescription<span className="visually-hidden"> {medicine.name}</span>
        </Link>
        {prescription.repeatRequestable && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void requestRepeat()}
            aria-busy={requesting}
            aria-disabled={requesting || undefined}
          >
            {requesting ? 'Asking for a repeat…' : 'Request a repeat'}
            <span className="visually-hidden"> of {medicine.name}</span>
          </button>
        )}
      </div>
    </li>
  );
}

/** The patient's allergies and current medicines as their clinician recorded them, to read and check. */
function ClinicalRecordSummary({ patientId }: { patientId: string }) {
  const { resource, reload } = useApiResource<ClinicalRecord>(API.clinicalRecord(patientId));
  return (
    <AsyncContent resource={resource} loadingText="Loading your allergies and medicines…" failureText="Your allergies and medicines could not be loaded." onRetry={reload}>
      {({ allergies, medicines }) => (
        <>
          <h3 id="allergies-heading">Allergies</h3>
          {allergies.length === 0 ? (
            <p>No allergies recorded.</p>
          ) : (
            <ul className="list" aria-labelledby="allergies-heading">
              {allergies.map((allergy) => (
                <li key={allergy.id}>
                  <strong>{allergy.substance}</strong>: {allergy.reaction}
                </li>
              ))}
            </ul>
          )}
          <h3 id="medicines-heading">Medicines you take</h3>
          {medicines.length === 0 ? (
            <p>No medicines recorded.</p>
          ) : (
            <ul className="list" aria-labelledby="medicines-heading">
              {medicines.map((current) => (
                <li key={current.id}>
                  <strong>{medicineLabel(current.medicine)}</strong>: {current.dose}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </AsyncContent>
  );
}

/** The patient's prescriptions, newest first, their repeat requests, and their allergies and medicines. */
export function PrescriptionsPage() {
  const user = useSignedInUser();
  const prescriptions = useApiResource<PrescriptionList>(API.myPrescriptions);
  const requests = useApiResource<RepeatRequestList>(API.myRepeatRequests);
  const { update: updatePrescriptions } = prescriptions;
  const { update: updateRequests } = requests;

  function handleRepeatRequested(request: RepeatRequest) {
    updatePrescriptions((list) => ({
      prescriptions: list.prescriptions.map((p) => (p.id === request.prescriptionId ? { ...p, repeatRequestable: false } : p)),
    }));
    updateRequests((list) => ({ requests: [request, ...list.requests.filter((r) => r.id !== request.id)] }));
  }

  return (
    <Page title="Your prescriptions">
      <NominatedPharmacyLine />
      <AsyncContent
        resource={prescriptions.resource}
        loadingText="Loading your prescriptions…"
        failureText="Your prescriptions could not be loaded."
        onRetry={prescriptions.reload}
      >
        {(list) =>
          list.prescriptions.length === 0 ? (
            <p>{NO_PRESCRIPTIONS_TEXT}</p>
          ) : (
            <ul className="card-list" aria-label="Your prescriptions, newest first">
              {list.prescriptions.map((prescription) => (
                <PrescriptionCard key={prescription.id} prescription={prescription} onRepeatRequested={handleRepeatRequested} />
              ))}
            </ul>
          )
        }
      </AsyncContent>
      <section aria-labelledby="repeat-requests-heading">
        <h2 id="repeat-requests-heading">Repeat requests</h2>
        <AsyncContent
          resource={requests.resource}
          loadingText="Loading your repeat requests…"
          failureText="Your repeat requests could not be loaded."
          onRetry={requests.reload}
        >
          {(list) =>
            list.requests.length === 0 ? (
              <p>You have not asked for any repeats.</p>
            ) : (
              <RepeatRequestTable
                id="repeat-requests"
                caption="Your repeat requests, those waiting for your clinician first"
                requests={repeatRequestsToShow(list.requests)}
              />
            )
          }
        </AsyncContent>
      </section>
      <section aria-labelledby="clinical-record-heading">
        <h2 id="clinical-record-heading">Your allergies and medicines</h2>
        <p>Your clinician keeps this list. Tell them at your next appointment if anything is wrong.</p>
        {user.patient ? (
          <ClinicalRecordSummary patientId={user.patient.id} />
        ) : (
          <LoadFailed what="Your allergies and medicines could not be loaded." error={null} />
        )}
      </section>
    </Page>
  );
}
