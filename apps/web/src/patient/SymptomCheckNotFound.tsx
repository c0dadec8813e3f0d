import { Link } from 'react-router';
import { Page } from '../components/Page';
import { SYMPTOMS_PATH } from './patient-paths';

export function SymptomCheckNotFound() {
  return (
    <Page title="Symptom check not found">
      <p>We could not find this symptom check among yours. It may have been deleted.</p>
      <p>
        <Link to={SYMPTOMS_PATH}>Your symptom checks</Link>
      </p>
    </Page>
  );
}
