import { describe, expect, it } from 'vitest';
import { canRoleAccess } from '../../admin/providers/canAccess.js';
import { ROLES } from '../../server/domain/enums.js';
import { canAccess, CASEWORK, FIRST_ACCOUNT_ROLE, mustUseTotp, PERMISSIONS, rolesAllowed } from '../../server/domain/roles.js';

describe('the role table', () => {
  it("gives anonymising, setting another person's password and resetting their TOTP to admins only", () => {
    expect(rolesAllowed('clients', 'anonymise')).toEqual(['admin']);
    expect(rolesAllowed('staff', 'set_password')).toEqual(['admin']);
    expect(rolesAllowed('staff', 'reset_totp')).toEqual(['admin']);
    // Each is stricter than editing: whoever may do it may also edit the resource.
    for (const [resource, action] of [
      ['clients', 'anonymise'],
      ['staff', 'set_password'],
      ['staff', 'reset_totp'],
    ] as const) {
      for (const role of rolesAllowed(resource, action)) expect(canAccess(role, resource, 'edit'), `${role} ${resource}`).toBe(true);
    }
  });

  it('makes whoever may manage staff accounts or settings sign in with a second factor', () => {
    for (const role of [...rolesAllowed('staff', 'edit'), ...rolesAllowed('settings', 'edit')]) expect(mustUseTotp(role), role).toBe(true);
    expect(ROLES.filter(mustUseTotp)).toEqual(['admin']);
  });

  it('gives the first account every grant any role has', () => {
    for (const [resource, grants] of Object.entries(PERMISSIONS)) {
      for (const action of new Set(Object.values(grants).flat()))
        expect(canAccess(FIRST_ACCOUNT_ROLE, resource, action), `${resource} ${action}`).toBe(true);
    }
  });

  it("lets the casework roles, who may be a request's coordinator, edit requests", () => {
    expect([...CASEWORK].sort()).toEqual(['admin', 'coordinator']);
    for (const role of CASEWORK) expect(canAccess(role, 'support-requests', 'edit'), role).toBe(true);
  });

  it('answers the console from the same table, and no for an unknown role, resource or action', () => {
    expect(canRoleAccess('admin', 'clients', 'anonymise')).toBe(true);
    expect(canRoleAccess('coordinator', 'clients', 'anonymise')).toBe(false);
    expect(canRoleAccess('admin', 'staff', 'reset_totp')).toBe(true);
    expect(canRoleAccess('admin', 'clients', 'clone')).toBe(false);
    expect(canRoleAccess(undefined, 'clients', 'list')).toBe(false);
    expect(canAccess('admin', 'nothing', 'list')).toBe(false);
  });
});
