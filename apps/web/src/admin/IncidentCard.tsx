import { useEffect, useRef, useState } from 'react';
import type { Incident } from '@confide/contract';
import { Notice } from '../components/Notice';
import { SummaryList } from '../components/SummaryList';
import { formatDateTime } from '../format/date-format';
import { CloseIncidentForm } from './CloseIncidentForm';
import { actorText, closedText, INCIDENT_KIND_LABELS, recordTypeText, servedText } from './incident-text';

interface IncidentCardProps {
  incident: Incident;
  onClosed: (incident: Incident) => void;
}

/** One incident: when and who, what would have been exposed, and closing it (or how it was closed). */
export function IncidentCard({ incident, onClosed }: IncidentCardProps) {
  const [justClosed, setJustClosed] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = `incident-${incident.id}`;
  const open = incident.status === 'open';

  // The form (and the focused button) has gone: continue from the top of this incident.
  useEffect(() => {
    if (justClosed) headingRef.current?.focus();
  }, [justClosed]);

  function closed(updated: Incident) {
    setJustClosed(true);
    onClosed(updated);
  }

  return (
    <article className={open ? 'card card--incident' : 'card'} aria-labelledby={`${id}-heading ${id}-opened`}>
      <h2 className="card__title" id={`${id}-heading`} tabIndex={-1} ref={headingRef}>
        {INCIDENT_KIND_LABELS[incident.kind]}
      </h2>
      <p className="secondary-text" id={`${id}-opened`}>
        Opened <time dateTime={incident.openedAt}>{formatDateTime(incident.openedAt)}</time>
      </p>
      {justClosed && <Notice kind="success">Incident closed.</Notice>}
      <SummaryList
        rows={[
          { term: 'Status', value: open ? <strong className="tag tag--flush">Open</strong> : 'Closed' },
          { term: 'Who', value: actorText(incident.actor) },
          { term: 'Route', value: <code className="break-anywhere">{incident.route}</code> },
          {
            term: 'Request id',
            value: incident.requestId ? <code className="break-anywhere">{incident.requestId}</code> : 'Not recorded',
          },
          { term: 'Served', value: servedText(incident.bytesServed) },
        ]}
      />
      <h3 id={`${id}-patients`}>Patients involved</h3>
      {incident.patientIds.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <ul aria-labelledby={`${id}-patients`} className="id-list">
          {incident.patientIds.map((patientId) => (
            <li key={patientId}>
              <code className="break-anywhere">{patientId}</code>
            </li>
          ))}
        </ul>
      )}
      <h3 id={`${id}-records`}>Records involved</h3>
      {incident.resources.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <ul aria-labelledby={`${id}-records`} className="id-list">
          {incident.resources.map((resource) => (
            <li key={`${resource.type}:${resource.id}`}>
              {recordTypeText(resource.type)} <code className="break-anywhere">{resource.id}</code>
            </li>
          ))}
        </ul>
      )}
      {open ? <CloseIncidentForm incident={incident} onClosed={closed} /> : <p className="incident-closed">{closedText(incident)}</p>}
    </article>
  );
}
