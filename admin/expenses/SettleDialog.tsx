import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { SETTLEMENT_METHODS } from '../../server/domain/enums';
import { tokyoDate } from '../../server/domain/time';
import type { Settlement } from './api';
import { INCOMPLETE, StringPicker } from '../fields/DateInputs';

type Props = { count: number; pending?: boolean; error?: string; onConfirm: (s: Settlement) => void; onCancel: () => void };

/** When and how the resident paid: asked once for one expense or for a whole selection. */
export const SettleDialog = ({ count, pending, error, onConfirm, onCancel }: Props) => {
  const translate = useTranslate();
  const [settledOn, setDate] = useState(() => tokyoDate(new Date()));
  const [settlementMethod, setMethod] = useState<Settlement['settlement_method'] | ''>('');
  return (
    <Dialog open onClose={onCancel} fullWidth maxWidth="xs" aria-labelledby="settle-title">
      <DialogTitle id="settle-title">{translate('casework.expenses.settle_title', { smart_count: count })}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <Stack sx={{ gap: 2, mt: 1 }}>
          <StringPicker
            kind="date"
            label={translate('resources.expenses.fields.settled_on')}
            value={settledOn}
            onChange={(value) => setDate(value ?? '')}
            size="medium"
            margin="none"
          />
          <TextField
            select
            label={translate('resources.expenses.fields.settlement_method')}
            value={settlementMethod}
            onChange={(e) => setMethod(e.target.value as Settlement['settlement_method'])}
          >
            {SETTLEMENT_METHODS.map((m) => (
              <MenuItem key={m} value={m}>
                {translate(`enums.settlement_method.${m}`)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onCancel} />
        <Button
          label="casework.expenses.settle"
          variant="contained"
          disabled={pending || !settledOn || settledOn === INCOMPLETE || !settlementMethod}
          onClick={() => settlementMethod && onConfirm({ settled_on: settledOn, settlement_method: settlementMethod })}
        />
      </DialogActions>
    </Dialog>
  );
};
