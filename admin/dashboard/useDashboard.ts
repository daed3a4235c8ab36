import { useQuery } from '@tanstack/react-query';
import type { Badges, Dashboard } from '../../server/home/routes';
import { getJson } from '../providers/api';

export type { Badges, Dashboard };

/**
 * The home screen's numbers, from GET /api/dashboard: one request however many cards read it
 * (react-query shares the answer). react-admin's refresh button invalidates it like any query.
 */
export const useDashboard = () => useQuery({ queryKey: ['dashboard'], queryFn: () => getJson<Dashboard>('/dashboard') });

/**
 * The menu's badges and the request tabs' numbers, from GET /api/badges, asked again every
 * minute; a part of the page that mounts later (the tabs) reuses an answer under 30 s old.
 */
export const useBadges = (enabled: boolean) =>
  useQuery({ queryKey: ['badges'], queryFn: () => getJson<Badges>('/badges'), enabled, refetchInterval: 60_000, staleTime: 30_000 });

/** What a card shows for a count: a dash while loading or when the answer failed. */
export const shownCount = (count: number | undefined, isPending: boolean, error: unknown, unavailable: string): string | number =>
  isPending ? '…' : error || count == null ? unavailable : count;
