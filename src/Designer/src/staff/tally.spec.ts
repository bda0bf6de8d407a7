import { describe, expect, it } from 'vitest';
import type { BallotBox } from '../api/client';
import { shares, tallyView } from './tally';

const box = (overrides: Partial<BallotBox>): BallotBox => ({
  elementId: 'councilVote', total: 5, yes: 0, no: 0, outstanding: 5, closed: false, outcome: null, myTaskId: 't1', myBallotCast: false,
  ballots: [], ...overrides,
});

describe('tallyView', () => {
  it('counts an open vote of five with two yes and one no, three yes needed, and lets the member vote', () => {
    // given a council of five, two yes, one no, two still to vote
    const view = tallyView(box({ yes: 2, no: 1, outstanding: 2 }));

    // then the tally is open, the majority is three, and the bar splits 40/20/40
    expect(view.state).toBe('open');
    expect(view.majority).toBe(3);
    expect(view.shares).toEqual({ yes: 40, no: 20, outstanding: 40, notCast: 0 });
    expect(view.canVote).toBe(true);
  });

  it('shows a vote closed early by the majority as passed, with the remaining ballots not cast', () => {
    // given three yes of five and the engine closing the other two ballots
    const view = tallyView(box({ yes: 3, no: 0, outstanding: 0, closed: true, outcome: 'yes', myBallotCast: true }));

    // then it passed, two ballots were never cast, and nobody may vote any more
    expect(view.state).toBe('passed');
    expect(view.notCast).toBe(2);
    expect(view.shares.yes + view.shares.notCast).toBe(100);
    expect(view.canVote).toBe(false);
  });

  it('is rejected when closed without a yes majority, and a member whose ballot is cast may not vote again', () => {
    expect(tallyView(box({ yes: 2, no: 3, outstanding: 0, closed: true, outcome: 'no' })).state).toBe('rejected');
    expect(tallyView(box({ yes: 1, outstanding: 4, myBallotCast: true })).canVote).toBe(false);
    expect(tallyView(box({ myTaskId: null })).canVote).toBe(false);
  });
});

describe('shares', () => {
  it('rounds thirds so that they still add up to 100', () => {
    // given three equal parts
    // when they are turned into percentages
    // then the rounding goes to the first and the sum is 100
    expect(shares([1, 1, 1], 3)).toEqual([34, 33, 33]);
    expect(shares([0, 0], 0)).toEqual([0, 0]);
  });
});
