import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from './empty-state';

/** For a page the user's role may not open (the API would refuse it anyway): says so instead of failing. */
export function NotAllowed({ children }: { children: ReactNode }) {
  return (
    <section className="page">
      <EmptyState title="Not allowed" action={<Link to="/">Go to the overview</Link>}>
        {children}
      </EmptyState>
    </section>
  );
}
