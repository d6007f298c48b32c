import type { ReactNode } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useAuth } from '@/lib/auth';
import { canAudit } from '@/lib/roles';

/** `banner`: shown under the header on every page (the app passes the billing banner; shared UI knows no features). */
export function AppShell({ banner }: { banner?: ReactNode }) {
  const { user, logout } = useAuth();
  const navigate = useNavigate();

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <div className="shell">
      <header className="shell__header">
        <NavLink to="/" className="brand">
          WebPro<span>Metrics</span>
        </NavLink>
        <nav className="shell__nav" aria-label="Main">
          <NavLink to="/" end className="nav-link">
            Overview
          </NavLink>
          <NavLink to="/clients" className="nav-link">
            Clients
          </NavLink>
          <NavLink to="/reports" className="nav-link">
            Reports
          </NavLink>
          <NavLink to="/team" className="nav-link">
            Team
          </NavLink>
          <NavLink to="/billing" className="nav-link">
            Billing
          </NavLink>
          {canAudit(user) && (
            <NavLink to="/audit" className="nav-link">
              Audit
            </NavLink>
          )}
        </nav>
        {user && (
          <div className="user-menu" aria-label="User menu" role="group">
            <div className="user-menu__who">
              <span className="user-menu__name">{user.name}</span>
              <span className="user-menu__agency">{user.agencyName}</span>
            </div>
            <NavLink to="/account" className="nav-link">
              Account
            </NavLink>
            <button type="button" className="button button--ghost" onClick={onLogout}>
              Log out
            </button>
          </div>
        )}
      </header>
      {banner}
      <main className="shell__main">
        <Outlet />
      </main>
    </div>
  );
}
