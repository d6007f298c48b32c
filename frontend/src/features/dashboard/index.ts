export { ClientDashboard } from './components/client-dashboard';
export { OverviewRoute } from './routes/overview';
