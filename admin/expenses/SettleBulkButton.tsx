import { useState } from 'react';
import { Button, useListContext, useUnselectAll } from 'react-admin';
import { SettleDialog } from './SettleDialog';
import { useSettle } from './useSettle';

/** Marks every selected expense settled with one date and method. */
export const SettleBulkButton = () => {
  const { selectedIds, resource } = useListContext();
  const unselectAll = useUnselectAll(resource ?? 'expenses');
  const [open, setOpen] = useState(false);
  const settle = useSettle(() => {
    setOpen(false);
    unselectAll();
  });
  return (
    <>
      <Button label="casework.expenses.settle" onClick={() => setOpen(true)} />
      {open && (
        <SettleDialog
          count={selectedIds.length}
          pending={settle.isPending}
          error={settle.errorMessage}
          onConfirm={(settlement) => settle.mutate({ ids: selectedIds, settlement })}
          onCancel={() => {
            settle.reset();
            setOpen(false);
          }}
        />
      )}
    </>
  );
};
