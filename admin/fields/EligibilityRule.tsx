import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useSettings } from '../providers/useSettings';

/**
 * Who may use the service in the current phase, said beside the eligibility choice, before
 * anything is saved: in the members-only phase 「一般」 is refused when a request is logged.
 */
export const EligibilityRule = () => {
  const translate = useTranslate();
  const { data: settings } = useSettings();
  const eligibility = useWatch({ name: 'eligibility' }) as string | undefined;
  if (!settings) return null;
  if (settings.eligibility_mode === 'open') {
    return (
      <Alert severity="info" data-testid="eligibility-rule">
        {translate('eligibility_rule.open')}
      </Alert>
    );
  }
  const refused = !eligibility || eligibility === 'general';
  return (
    <Alert severity={refused ? 'warning' : 'info'} data-testid="eligibility-rule">
      {translate(refused ? 'eligibility_rule.members_only_general' : 'eligibility_rule.members_only')}
    </Alert>
  );
};

/** A new resident's default eligibility: 「一般」 only when the service is open to everyone. */
export const useEligibilityDefault = (): { ready: boolean; eligibility?: string } => {
  const { data: settings, isPending } = useSettings();
  if (isPending) return { ready: false };
  return { ready: true, eligibility: settings?.eligibility_mode === 'open' ? 'general' : undefined };
};
