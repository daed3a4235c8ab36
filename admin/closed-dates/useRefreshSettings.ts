import { useQueryClient } from '@tanstack/react-query';
import { SETTINGS_QUERY_KEY } from '../providers/useSettings';

/** The request forms judge dates with the settings, which carry the closed periods: refetch them after a change. */
export const useRefreshSettings = () => {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: SETTINGS_QUERY_KEY });
};
