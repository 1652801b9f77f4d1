import { boardMove } from './board-moves';

describe('moves on the board', () => {
  it('allows the moves of the workflow that need nothing more than the drop', () => {
    expect(boardMove('intake', 'drafting', 'writer', false)).toBe('start_drafting');
    expect(boardMove('drafting', 'internal_review', 'writer', true)).toBe('submit_for_review');
    expect(boardMove('internal_review', 'client_review', 'reviewer', true)).toBe('approve_internal');
    expect(boardMove('closed', 'drafting', 'reviewer', true)).toBe('reopen');
  });

  it('refuses what the workflow, the role or a guard refuses, and what needs a comment or a decision', () => {
    expect(boardMove('drafting', 'internal_review', 'writer', false)).toBeNull();
    expect(boardMove('internal_review', 'client_review', 'writer', true)).toBeNull();
    expect(boardMove('intake', 'approved', 'owner', true)).toBeNull();
    expect(boardMove('internal_review', 'drafting', 'owner', true)).toBeNull();
    expect(boardMove('client_review', 'approved', 'owner', true)).toBeNull();
    expect(boardMove('submitted', 'reinstated', 'owner', true)).toBeNull();
    expect(boardMove('drafting', 'closed', 'owner', true)).toBeNull();
  });
});
