import { NavLink, Route, Routes } from 'react-router-dom';
import { useCan } from '../../auth/session';
import { ApiKeysSettings } from './ApiKeysSettings';
import { BrandingSettings } from './BrandingSettings';
import { TeamSettings } from './TeamSettings';

export default function SettingsPage() {
  const isAdmin = useCan('admin');
  return (
    <section>
      <h1>Settings</h1>
      <nav aria-label="Settings" className="tabs">
        <NavLink to="/settings" end>
          Team
        </NavLink>
        {isAdmin && <NavLink to="/settings/api-keys">API keys</NavLink>}
        <NavLink to="/settings/branding">Branding</NavLink>
      </nav>
      <Routes>
        <Route index element={<TeamSettings />} />
        <Route path="api-keys" element={isAdmin ? <ApiKeysSettings /> : <p className="muted">Only admins manage API keys.</p>} />
        <Route path="branding" element={<BrandingSettings />} />
      </Routes>
    </section>
  );
}
