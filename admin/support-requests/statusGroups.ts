import type { RequestStatus } from '../../server/domain/enums';
import { TERMINAL } from '../../server/domain/workflow';

/** One tab per status a request waits in, one for every way it ended, one for all. */
export const STATUS_TABS = ['received', 'checking', 'matching', 'confirmed', 'done', 'ended', 'all'] as const;
export type StatusTab = (typeof STATUS_TABS)[number];

export const ENDED: readonly RequestStatus[] = TERMINAL;

export const filterForTab = (tab: StatusTab): RequestStatus | readonly RequestStatus[] | undefined =>
  tab === 'all' ? undefined : tab === 'ended' ? ENDED : tab;

export const tabForFilter = (status: unknown): StatusTab => {
  if (status == null) return 'all';
  if (Array.isArray(status)) return status.length && status.every((s) => ENDED.includes(s)) ? 'ended' : 'all';
  return (STATUS_TABS as readonly string[]).includes(status as string) ? (status as StatusTab) : 'all';
};
