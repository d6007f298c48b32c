export { BillingRoute } from './routes/billing';
export { PlanUsage } from './components/plan-usage';
export { BillingBanner } from './components/billing-banner';
