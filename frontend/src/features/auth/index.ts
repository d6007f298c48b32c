export { AcceptInvitationRoute } from './routes/accept-invitation';
export { LoginRoute } from './routes/login';
export { SignupRoute } from './routes/signup';
export { safeRedirect } from './routes/redirect-target';
export { AccountRoute } from './routes/account';
export { ForgotPasswordRoute } from './routes/forgot-password';
export { ResetPasswordRoute } from './routes/reset-password';
