/** The words of the notification emails (plain text; the worker adds the agency's branded HTML layout). */
export interface CaseMailFacts {
  agencyName: string;
  reference: string;
  title: string;
  version: number;
  /** The client has been sent an earlier version of this plan. */
  revised: boolean;
}

/** What the client is asked to read, in the client's words (never an internal version number). */
function planName(facts: CaseMailFacts): string {
  return facts.revised ? 'the revised Plan of Action' : 'the Plan of Action';
}

export function reviewRequestEmail(facts: CaseMailFacts, contactName: string, url: string, message?: string) {
  return {
    subject: `${facts.reference}: ${facts.revised ? 'your revised Plan of Action' : 'your Plan of Action'} is ready for review`,
    text: [
      `Hello ${contactName},`,
      '',
      `${facts.agencyName} has prepared ${planName(facts)} for "${facts.title}" (${facts.reference}).`,
      ...(message ? ['', message, ''] : []),
      'Please read it and approve it, or tell us what to change:',
      '',
      url,
      '',
      'The link opens the case and logs you in; it works once. Later, ask for a new log-in link on the portal’s log-in page.',
      '',
      `— ${facts.agencyName}`,
    ].join('\n'),
  };
}

export function reviewReminderEmail(facts: CaseMailFacts, contactName: string, url: string) {
  const plan = planName(facts);
  return {
    subject: `Reminder — ${facts.reference}: your Plan of Action is waiting for your review`,
    text: [
      `Hello ${contactName},`,
      '',
      `${plan.charAt(0).toUpperCase()}${plan.slice(1)} for "${facts.title}" (${facts.reference}) is still waiting for your answer.`,
      'Amazon deadlines are strict: please approve it or ask for changes as soon as you can:',
      '',
      url,
      '',
      `— ${facts.agencyName}`,
    ].join('\n'),
  };
}

export function clientAnsweredEmail(
  facts: CaseMailFacts,
  answer: { approved: boolean; contactName: string; fullName?: string; comment?: string },
  url: string,
) {
  const what = answer.approved ? 'approved' : 'asked for changes to';
  const lines = [`${answer.contactName} ${what} version ${facts.version} of ${facts.reference} ("${facts.title}").`, ''];
  if (answer.approved && answer.fullName) lines.push(`Signed as: ${answer.fullName}`, 'The final PDF is being rendered.', '');
  if (answer.comment) lines.push('Their comment:', '', answer.comment, '');
  lines.push(url);
  return {
    subject: answer.approved ? `${facts.reference} approved by the client` : `${facts.reference}: the client asked for changes`,
    text: lines.join('\n'),
  };
}

export function loginLinkEmail(agencyName: string, contactName: string, url: string, minutes: number) {
  return {
    subject: `Your log-in link for ${agencyName}`,
    text: [
      `Hello ${contactName},`,
      '',
      `Open this link to review your Plans of Action with ${agencyName}. It works once, within ${minutes} minutes:`,
      '',
      url,
      '',
      'If you did not ask for it, ignore this email.',
    ].join('\n'),
  };
}

export function confirmAddressEmail(name: string, agencyName: string, url: string, hours: number) {
  return {
    subject: 'Confirm your email address for POA Desk',
    text: [
      `Hello ${name},`,
      '',
      `Your POA Desk account at ${agencyName} logs in with its password once you confirm this address. Open this link within ${hours} hours:`,
      '',
      url,
      '',
      'If you did not create this account, ignore this email: the address stays unconfirmed.',
    ].join('\n'),
  };
}

/** To the holder of an address someone else tried to sign up or be invited with: the requester was told nothing. */
export function addressInUseEmail(name: string, attempt: { kind: 'signup' } | { kind: 'invite'; agencyName: string }, loginUrl: string) {
  const what =
    attempt.kind === 'signup'
      ? 'Someone just tried to sign up for POA Desk with this email address.'
      : `${attempt.agencyName} just tried to add this email address to its team on POA Desk.`;
  return {
    subject: 'Someone tried to use your email address on POA Desk',
    text: [
      `Hello ${name},`,
      '',
      what,
      'This address already belongs to your account, so nothing was changed and that attempt cannot log in as you.',
      '',
      'If it was you, log in with your existing account instead:',
      '',
      loginUrl,
      '',
      'If it was not you, you can ignore this email.',
    ].join('\n'),
  };
}
