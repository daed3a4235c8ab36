import { ACTIONS, canAccess, type Action } from '../../server/domain/roles';
import type { Role } from '../../server/domain/enums';

const isAction = (action: string): action is Action => ACTIONS.some((known) => known === action);

/** react-admin's question, answered by the one role table the server's guard also reads. */
export const canRoleAccess = (role: Role | undefined, resource: string, action: string): boolean =>
  isAction(action) && canAccess(role, resource, action);
