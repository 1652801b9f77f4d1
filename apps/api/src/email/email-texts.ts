/** The words of the notification emails (plain text; the worker adds the agency's branded HTML layout). */
export interface CaseMailFacts {
  agencyName: string;
  reference: string;
  title: string;
  version: number;
}

export function reviewRequestEmail(facts: CaseMailFacts, contactName: string, url: string) {
  return {
    subject: `${facts.reference}: your Plan of Action is ready for review`,
    text: [
      `Hello ${contactName},`,
      '',
      `${facts.agencyName} has prepared version ${facts.version} of the Plan of Action for "${facts.title}" (${facts.reference}).`,
      'Please read it and approve it, or tell us what to change:',
      '',
      url,
      '',
      'The link asks for your email address and sends you a one-time log-in link.',
      '',
      `— ${facts.agencyName}`,
    ].join('\n'),
  };
}

export function reviewReminderEmail(facts: CaseMailFacts, contactName: string, url: string) {
  return {
    subject: `Reminder — ${facts.reference}: your Plan of Action is waiting for your review`,
    text: [
      `Hello ${contactName},`,
      '',
      `Version ${facts.version} of the Plan of Action for "${facts.title}" (${facts.reference}) is still waiting for your answer.`,
      'Amazon deadlines are strict: please approve it or ask for changes as soon as you can:',
      '',
      url,
      '',
      `— ${facts.agencyName}`,
    ].join('\n'),
  };
}

export function clientAnsweredEmail(facts: CaseMailFacts, answer: { approved: boolean; contactName: string; fullName?: string; comment?: string }, url: string) {
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
