export { ClientRoute } from './routes/client';
export { ClientsRoute } from './routes/clients';
export { NewClientRoute } from './routes/new-client';
