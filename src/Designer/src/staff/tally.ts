import type { BallotBox } from '../api/client';

/** What the tally screen draws for one vote: counts, bar shares (percent, summing to 100) and where it stands. */
export interface TallyView {
  total: number;
  yes: number;
  no: number;
  outstanding: number;
  /** Ballots closed without a vote: the completion condition was met before every member voted. */
  notCast: number;
  /** Yes votes that carry the decision: more than half of all members (workflows/README.md, votes). */
  majority: number;
  shares: { yes: number; no: number; outstanding: number; notCast: number };
  state: 'open' | 'passed' | 'rejected';
  /** The caller has a ballot of their own that is still open. */
  canVote: boolean;
}

/** Percentages of `parts` in `total`, rounded so they still add up to 100 (largest remainders get the rounding). */
export function shares(parts: number[], total: number): number[] {
  if (total <= 0) {
    return parts.map(() => 0);
  }
  const exact = parts.map((p) => (p / total) * 100);
  const floored = exact.map(Math.floor);
  let left = Math.round(exact.reduce((a, b) => a + b, 0)) - floored.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) {
      break;
    }
    floored[i] = (floored[i] ?? 0) + 1;
    left--;
  }
  return floored;
}

export function tallyView(box: BallotBox): TallyView {
  const notCast = Math.max(0, box.total - box.yes - box.no - box.outstanding);
  const [yes = 0, no = 0, outstanding = 0, none = 0] = shares([box.yes, box.no, box.outstanding, notCast], box.total);
  return {
    total: box.total,
    yes: box.yes,
    no: box.no,
    outstanding: box.outstanding,
    notCast,
    majority: Math.floor(box.total / 2) + 1,
    shares: { yes, no, outstanding, notCast: none },
    state: !box.closed ? 'open' : box.outcome === 'yes' ? 'passed' : 'rejected',
    canVote: !!box.myTaskId && !box.myBallotCast && !box.closed,
  };
}
