import { Link } from 'react-router';
import { useAgencyTimeZone } from '@/lib/auth';
import { ExportPanel } from '../components/export-panel';
import { VerificationPanel } from '../components/verification-panel';

export function AuditIntegrityRoute() {
  const timeZone = useAgencyTimeZone();
  return (
    <section className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/audit">Audit log</Link> <span aria-hidden="true">/</span> Integrity
      </nav>
      <header className="page__header">
        <div>
          <h1 className="page__title">Integrity and export</h1>
          <p className="page__subtitle">
            The log is sealed in signed checkpoints: an event changed, removed or reordered afterwards shows here.
          </p>
        </div>
      </header>
      <VerificationPanel timeZone={timeZone} />
      <ExportPanel timeZone={timeZone} />
    </section>
  );
}
