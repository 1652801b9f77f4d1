import type { ReactNode } from 'react';
import { usePageTitle } from '../../lib/page-title';

export function AuthLayout({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  usePageTitle(title);
  return (
    <main className="auth-page">
      <div className="auth-card card">
        <p className="brand">POA Desk</p>
        <h1>{title}</h1>
        {children}
        {footer && <div className="auth-footer">{footer}</div>}
      </div>
    </main>
  );
}
