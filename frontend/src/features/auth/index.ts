export { AcceptInvitationRoute } from './routes/accept-invitation';
export { LoginRoute } from './routes/login';
export { SignupRoute } from './routes/signup';
export { safeRedirect } from './routes/redirect-target';
