export { BillingRoute } from './routes/billing';
export { PlanUsage } from './components/plan-usage';
