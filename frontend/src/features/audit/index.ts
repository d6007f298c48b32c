export { AuditAccess } from './components/audit-access';
export { AggregateHistoryRoute } from './routes/aggregate-history';
export { AuditRoute } from './routes/audit';
export { AuditIntegrityRoute } from './routes/integrity';
