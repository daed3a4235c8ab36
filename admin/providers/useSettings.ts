import { useQuery } from '@tanstack/react-query';
import type { ELIGIBILITY_MODES } from '../../server/domain/enums';
import type { ServiceSettings } from '../../server/domain/service-rules';
import { getJson } from './api';

export type Settings = ServiceSettings & {
  id: number;
  eligibility_mode: (typeof ELIGIBILITY_MODES)[number];
  id_check_valid_months: number;
  small_count_threshold: number;
  totp_required_for_all: boolean;
  retention_request_years: number;
  retention_client_years: number;
  retention_volunteer_years: number;
  audit_retention_years: number;
  version: number;
  updated_at: string;
};

export const SETTINGS_QUERY_KEY = ['settings'] as const;

export const fetchSettings = () => getJson<Settings>('/settings');

/**
 * The service-wide rules every role may read. They change a few times a year, so one fetch
 * per few minutes is plenty; the settings page refreshes this cache when it saves.
 */
export const useSettings = () => useQuery({ queryKey: SETTINGS_QUERY_KEY, queryFn: fetchSettings, staleTime: 5 * 60_000 });
