import { useMemo } from 'react';
import { useSettings } from '../providers/useSettings';

export type ServiceSettings = {
  service_weekdays: number[];
  service_start: string;
  service_end: string;
  id_check_valid_months: number;
};

/** The published defaults, used until (or if) /api/settings answers. */
export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  service_weekdays: [1, 2, 3, 4, 5, 6],
  service_start: '08:30',
  service_end: '18:00',
  id_check_valid_months: 36,
};

/** Service days and hours and the ID-check validity, as the server's rules see them. */
export const useServiceSettings = (): ServiceSettings => {
  const { data } = useSettings();
  return useMemo(() => {
    if (!data) return DEFAULT_SERVICE_SETTINGS;
    const { service_weekdays, service_start, service_end, id_check_valid_months } = data;
    return { service_weekdays, service_start, service_end, id_check_valid_months };
  }, [data]);
};
