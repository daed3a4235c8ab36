import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Audience } from './period';

/** Internal figures in full, or the figures for outsiders with small counts suppressed by the server. */
export const AudienceToggle = ({ value, onChange }: { value: Audience; onChange: (next: Audience) => void }) => {
  const translate = useTranslate();
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={value}
      onChange={(_, next: Audience | null) => next && onChange(next)}
      aria-label={translate('reports.audience.label')}
    >
      <ToggleButton value="internal">{translate('reports.audience.internal')}</ToggleButton>
      <ToggleButton value="external">{translate('reports.audience.external')}</ToggleButton>
    </ToggleButtonGroup>
  );
};
