import type { ReactNode, Ref } from 'react';
import type { TriageResult } from '@confide/contract';
import { PhoneText } from './PhoneText';
import { conditionLikelihood, durationText, understoodSentences } from './triage-text';

/** How many possible conditions to show. */
const SHOWN_CONDITIONS = 3;

function Condition({ condition }: { condition: TriageResult['conditions'][number] }) {
  return (
    <details className="details">
      <summary>{conditionLikelihood(condition)}</summary>
      <div className="details__text">
        <h4>What you can do</h4>
        <p>
          <PhoneText text={condition.selfCare} />
        </p>
        <h4>When to get help</h4>
        <p>
          <PhoneText text={condition.safetyNet} />
        </p>
        {condition.references.length > 0 && (
          <>
            <h4>Sources</h4>
            <ul className="list">
              {condition.references.map((ref) => (
                <li key={ref.url}>
                  <a href={ref.url} target="_blank" rel="noopener noreferrer">
                    {ref.title}
                    <span className="visually-hidden"> (opens in a new tab)</span>
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </details>
  );
}

function Understood({ result }: { result: TriageResult }) {
  const { has, hasNot } = understoodSentences(result.findings);
  const { durationDays } = result.understood;
  const lines = [has, hasNot, durationDays !== null ? `How long: ${durationText(durationDays)}.` : null].filter((l): l is string => l !== null);
  return (
    <>
      <h3>What we understood</h3>
      {lines.length === 0 ? (
        <p>We did not recognise any symptoms in what you wrote. Try describing them in other words.</p>
      ) : (
        <ul className="list">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}

interface TriageResultPanelProps {
  result: TriageResult;
  /** The checker has stopped asking: this is its advice, not advice so far. */
  finished: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  /** What to book, after the advice. */
  booking?: ReactNode;
}

/** The advice: where to go and how soon (in words, styled by level), why, what it might be, and what was understood. */
export function TriageResultPanel({ result, finished, headingRef, booking }: TriageResultPanelProps) {
  const { advice, redFlags, because, conditions } = result;
  return (
    <section
      aria-labelledby="advice-heading"
      className={`triage-result triage-result--${result.triage.replace('_', '-')}${finished ? ' triage-result--final' : ''}`}
    >
      <p className="triage-result__kicker">{finished ? 'Our advice' : 'Our advice so far (answer the questions above to make it more accurate)'}</p>
      <h2 id="advice-heading" className="triage-result__heading" tabIndex={-1} ref={headingRef}>
        {advice.label}
      </h2>
      <p className="triage-result__text">
        <PhoneText text={advice.text} />
      </p>
      {advice.crisis && (
        <div className="triage-crisis">
          <h3>Help is available now</h3>
          <p>
            <PhoneText text={advice.crisis} />
          </p>
        </div>
      )}
      {redFlags.length > 0 && (
        <>
          <h3>Warning signs</h3>
          <ul className="list">
            {redFlags.map((flag) => (
              <li key={flag.message}>
                <PhoneText text={flag.message} />
              </li>
            ))}
          </ul>
        </>
      )}
      {because.length > 0 && (
        <>
          <h3>Why we said this</h3>
          <p>Because of:</p>
          <ul className="list">
            {because.map((b) => (
              <li key={b.id}>{b.label}</li>
            ))}
          </ul>
        </>
      )}
      <h3>What it might be</h3>
      {conditions.length === 0 ? (
        <p>We cannot say what it might be from what you have told us.</p>
      ) : (
        <>
          <p className="hint">These are possibilities, not a diagnosis. Open one to read what you can do and when to get help.</p>
          <ul className="triage-conditions">
            {conditions.slice(0, SHOWN_CONDITIONS).map((condition) => (
              <li key={condition.id}>
                <Condition condition={condition} />
              </li>
            ))}
          </ul>
        </>
      )}
      <Understood result={result} />
      <h3>If things change</h3>
      <p>
        <PhoneText text={result.safetyNet} />
      </p>
      {booking}
    </section>
  );
}
