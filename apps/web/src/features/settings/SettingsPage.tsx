import { NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { useCan } from '../auth/session';
import { AgencySettings } from './agency/AgencySettings';
import { ApiKeysSettings } from './api-keys/ApiKeysSettings';
import { BrandingSettings } from './branding/BrandingSettings';
import { PlaybooksSettings } from './playbooks/PlaybooksSettings';
import { CheckerSettings } from './checker/CheckerSettings';
import { SubmissionSettings } from './submission/SubmissionSettings';
import { TeamSettings } from './team/TeamSettings';
import { WebhookDeliveries } from './webhooks/WebhookDeliveries';
import { WebhooksSettings } from './webhooks/WebhooksSettings';
import { usePageTitle } from '../../lib/page-title';

const SECTION_TITLES = [
  ['/settings/api-keys', 'API keys'],
  ['/settings/webhooks', 'Webhooks'],
  ['/settings/branding', 'Branding'],
  ['/settings/seller-central', 'Seller Central'],
  ['/settings/agency', 'Agency'],
  ['/settings/playbooks', 'Playbooks'],
  ['/settings/checker', 'POA checker'],
] as const;

const ADMINS_ONLY = <p className="muted">Only admins and owners manage this.</p>;
const OWNERS_ONLY = <p className="muted">Only the agency's owners manage this.</p>;

export default function SettingsPage() {
  const isAdmin = useCan('admin');
  const isOwner = useCan('owner');
  const { pathname } = useLocation();
  const section = SECTION_TITLES.find(([prefix]) => pathname.startsWith(prefix))?.[1] ?? 'Team';
  usePageTitle(`${section} · Settings`);
  return (
    <section>
      <h1>Settings</h1>
      <nav aria-label="Settings" className="tabs">
        <NavLink to="/settings" end>
          Team
        </NavLink>
        {isAdmin && <NavLink to="/settings/api-keys">API keys</NavLink>}
        {isAdmin && <NavLink to="/settings/webhooks">Webhooks</NavLink>}
        <NavLink to="/settings/branding">Branding</NavLink>
        <NavLink to="/settings/seller-central">Seller Central</NavLink>
        {isOwner && <NavLink to="/settings/agency">Agency</NavLink>}
        {isAdmin && <NavLink to="/settings/playbooks">Playbooks</NavLink>}
        <NavLink to="/settings/checker">POA checker</NavLink>
      </nav>
      <Routes>
        <Route index element={<TeamSettings />} />
        <Route path="api-keys" element={isAdmin ? <ApiKeysSettings /> : ADMINS_ONLY} />
        <Route path="webhooks" element={isAdmin ? <WebhooksSettings /> : ADMINS_ONLY} />
        <Route path="webhooks/:id" element={isAdmin ? <WebhookDeliveries /> : ADMINS_ONLY} />
        <Route path="branding" element={<BrandingSettings />} />
        <Route path="seller-central" element={<SubmissionSettings />} />
        <Route path="agency" element={isOwner ? <AgencySettings /> : OWNERS_ONLY} />
        <Route path="playbooks" element={isAdmin ? <PlaybooksSettings /> : ADMINS_ONLY} />
        <Route path="checker" element={<CheckerSettings />} />
      </Routes>
    </section>
  );
}
