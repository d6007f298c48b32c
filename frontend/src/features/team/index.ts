export { TeamRoute } from './routes/team';
export { useTeam } from './api/get-team';
