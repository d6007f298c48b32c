export { TeamRoute } from './routes/team';
