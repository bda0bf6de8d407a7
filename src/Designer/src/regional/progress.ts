import type { MassTransfer, MassTransferSchool } from '../api/client';

export interface SchoolProgress {
  organisation: string;
  nameKk: string;
  nameRu: string;
  done: number;
  total: number;
  percent: number;
  status: string;
  exclusionReasonKk?: string | null;
  exclusionReasonRu?: string | null;
  exclusionLegalBasis?: string | null;
}

export interface TransferProgress {
  id: string;
  direction: MassTransfer['direction'];
  status: MassTransfer['status'];
  done: number;
  total: number;
  percent: number;
  startedAt: string;
  finishedAt?: string | null;
  schools: SchoolProgress[];
  notReady: NonNullable<MassTransfer['notReady']>;
}

export interface OrderProgress {
  transfers: TransferProgress[];
  /** Any transfer still running: the screen keeps polling while this is true. */
  running: boolean;
  /** Over all transfers of the order. */
  done: number;
  total: number;
  percent: number;
}

/** done of total as a whole percentage, 0..100; an empty transfer that finished counts as 100. */
export function percentOf(done: number, total: number, finished = false): number {
  if (total <= 0) {
    return finished ? 100 : 0;
  }
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

// An organisation the edition excludes (349 para 3-1, 103 para 3) moves no one: it comes last, after the done ones.
const statusOrder: Record<string, number> = { failed: 0, running: 1, pending: 2, completed: 3, excluded: 4 };

function school(s: MassTransferSchool, transferFinished: boolean): SchoolProgress {
  return { ...s, percent: percentOf(s.done, s.total, transferFinished || s.status === 'completed') };
}

/**
 * The order's transfers as the progress screen shows them: the newest first, each with a percentage, its schools with
 * problems first (failed, then running, waiting, done), then by code.
 */
export function progressOf(transfers: readonly MassTransfer[]): OrderProgress {
  const views = [...transfers]
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .map((t): TransferProgress => ({
      id: t.id,
      direction: t.direction,
      status: t.status,
      done: t.done,
      total: t.total,
      percent: percentOf(t.done, t.total, t.status === 'completed'),
      startedAt: t.startedAt,
      finishedAt: t.finishedAt,
      schools: t.schools.map((s) => school(s, t.status === 'completed'))
        .sort((a, b) => (statusOrder[a.status] ?? 2) - (statusOrder[b.status] ?? 2) || a.organisation.localeCompare(b.organisation)),
      notReady: t.notReady ?? [],
    }));
  const done = views.reduce((sum, t) => sum + t.done, 0);
  const total = views.reduce((sum, t) => sum + t.total, 0);
  return {
    transfers: views,
    running: views.some((t) => t.status === 'running'),
    done,
    total,
    percent: percentOf(done, total, views.length > 0 && views.every((t) => t.status === 'completed')),
  };
}
