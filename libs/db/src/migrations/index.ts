// Ordered list of migrations, rewritten by tools/db/migrations.ts. Never edit a migration that has landed.
import * as m0 from './1795675649092-InitialSchema';
import * as m1 from './1795675649093-RowLevelSecurity';
import * as m2 from './1795677181043-WebhookDeliveryOrder';
import * as m3 from './1795686302881-OutboxSweep';
import * as m4 from './1795949510966-ContactSessionVersion';
import * as m5 from './1795950573392-ConfirmedEmails';
import * as m6 from './1795959043959-DraftSessions';
import * as m7 from './1795959261068-CaseIssuesAndPaths';
import * as m8 from './1795959412473-CaseSearchUnderRls';
import * as m9 from './1795959554583-OutboxTraceparent';
import * as m10 from './1795961203427-TenantExports';
import * as m11 from './1795962671164-RemindersAndNotifications';
import * as m12 from './1795964167425-SubmissionPack';
import * as m13 from './1795971014577-TenantDeletion';
import * as m14 from './1795971088520-CaseTemplateTexts';
import * as m15 from './1795971088650-PlaybooksAndEvidence';
import * as m16 from './1795971105221-FollowUps';
import * as m17 from './1795972362166-CheckerSettings';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  ...Object.values(m0),
  ...Object.values(m1),
  ...Object.values(m2),
  ...Object.values(m3),
  ...Object.values(m4),
  ...Object.values(m5),
  ...Object.values(m6),
  ...Object.values(m7),
  ...Object.values(m8),
  ...Object.values(m9),
  ...Object.values(m10),
  ...Object.values(m11),
  ...Object.values(m12),
  ...Object.values(m13),
  ...Object.values(m14),
  ...Object.values(m15),
  ...Object.values(m16),
  ...Object.values(m17),
];
