import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PublicReport } from '../../server/reports/external';
import { getJson } from '../providers/api';
import { reportPath, type Audience, type Selection } from './period';

/**
 * The report exactly as the server sends it. For outsiders a count may be the string '<3' or
 * '*', so every figure is a number, a string or null and is shown as such, never coerced.
 */
export type ReportJson = PublicReport;
export type Value = number | string | null;
export type Pair = { value: Value; previous: Value };

// Keyed under 'reports' so react-admin's refresh button (which invalidates every query) reaches it.
export const useReport = (selection: Selection, audience: Audience, enabled = true) =>
  useQuery({
    queryKey: ['reports', selection, audience],
    queryFn: () => getJson<ReportJson>(reportPath(selection, audience)),
    placeholderData: keepPreviousData,
    enabled,
  });
