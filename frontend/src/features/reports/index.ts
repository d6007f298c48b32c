export { ClientReportsPanel } from './components/client-reports-panel';
export { EditReportRoute } from './routes/edit-report';
export { NewReportRoute } from './routes/new-report';
export { ReportRoute } from './routes/report';
export { ReportsRoute } from './routes/reports';
