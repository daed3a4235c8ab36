import { useNotify } from 'react-admin';
import { apiErrorMessage, fieldErrors, type ApiError } from './api';

type Options = {
  /** The message key notified once the server accepted the values, if any. */
  success?: string;
  successArgs?: Record<string, unknown>;
  /** Runs on a refusal before the notification (reloading after a version conflict, say). */
  onFailure?: (error: ApiError) => void;
};

/**
 * The onSubmit of a react-admin `Form` whose values go to the server through `save`. A refusal
 * becomes the server's sentence in a notification and, returned to the form, each field's own
 * message (the `errors` of the answer) beside that field; the form stays as typed.
 */
export const useApiSubmit = <Values extends Record<string, unknown>>(
  save: (values: Values) => Promise<unknown>,
  { success, successArgs, onFailure }: Options = {},
) => {
  const notify = useNotify();
  return async (values: Values): Promise<Record<string, string> | undefined> => {
    try {
      await save(values);
    } catch (error) {
      onFailure?.(error as ApiError);
      notify(apiErrorMessage(error), { type: 'error' });
      return fieldErrors(error);
    }
    if (success) notify(success, { type: 'info', messageArgs: successArgs });
    return undefined;
  };
};
