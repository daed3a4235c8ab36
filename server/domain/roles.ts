import { ROLES, type Role } from './enums.js';

/**
 * The one role table. The server's guard and the console's canAccess both read it; no other
 * file compares a role with a name (tests/role-strings.test.ts checks it).
 * `list`/`show` read, `create`/`edit`/`delete` write; `export` is the CSV of a list. The other
 * actions are stricter than `edit` and belong to one resource each:
 * - `anonymise` (clients, volunteers): erase a resident's or volunteer's personal data for good;
 * - `disclose` (clients, volunteers): write the package answering a disclosure request (開示請求);
 * - `set_password` (staff): set another person's password without knowing it;
 * - `reset_totp` (staff): remove another person's second factor (lost phone).
 */
export const ACTIONS = [
  'list',
  'show',
  'create',
  'edit',
  'delete',
  'export',
  'anonymise',
  'disclose',
  'set_password',
  'reset_totp',
] as const;
export type Action = (typeof ACTIONS)[number];

const ALL: Action[] = ['list', 'show', 'create', 'edit', 'delete', 'export'];
const READ: Action[] = ['list', 'show'];
const READ_EXPORT: Action[] = ['list', 'show', 'export'];

type Grants = Partial<Record<Role, Action[]>>;

export const PERMISSIONS: Record<string, Grants> = {
  partners: { admin: ALL, coordinator: ALL, volunteer_staff: READ, secretariat: READ_EXPORT },
  'closed-dates': { admin: ALL, coordinator: READ, volunteer_staff: READ, secretariat: READ },
  clients: { admin: [...ALL, 'anonymise', 'disclose'], coordinator: ALL, volunteer_staff: READ, secretariat: READ_EXPORT },
  volunteers: { admin: [...ALL, 'anonymise', 'disclose'], coordinator: READ_EXPORT, volunteer_staff: ALL, secretariat: READ_EXPORT },
  'id-checks': { admin: ALL, coordinator: READ, volunteer_staff: ALL, secretariat: READ_EXPORT },
  'support-requests': { admin: ALL, coordinator: ALL, volunteer_staff: READ, secretariat: READ_EXPORT },
  'request-events': { admin: ALL, coordinator: ALL, volunteer_staff: READ, secretariat: READ },
  assignments: { admin: ALL, coordinator: ALL, volunteer_staff: READ, secretariat: READ_EXPORT },
  'activity-reports': { admin: ALL, coordinator: ALL, volunteer_staff: READ, secretariat: READ_EXPORT },
  expenses: { admin: ALL, coordinator: ALL, volunteer_staff: READ, secretariat: READ_EXPORT },
  municipalities: {
    // edit: the free-text notes only (PUT /api/municipalities/:id/notes); the reference data is read-only.
    admin: [...READ_EXPORT, 'edit'],
    coordinator: READ_EXPORT,
    volunteer_staff: READ_EXPORT,
    secretariat: READ_EXPORT,
  },
  staff: { admin: [...ALL, 'set_password', 'reset_totp'], coordinator: READ, volunteer_staff: READ, secretariat: READ },
  'audit-log': { admin: READ_EXPORT },
  settings: { admin: ['show', 'edit'], coordinator: ['show'], volunteer_staff: ['show'], secretariat: ['show'] },
  reports: { admin: READ_EXPORT, coordinator: READ_EXPORT, secretariat: READ_EXPORT },
  // What has passed its retention date, and the step that anonymises it.
  retention: { admin: ['list', 'edit'] },
  // The outbox holds residents' and volunteers' addresses and the activities' details: casework.
  // `edit` is retry and cancel; messages are never written by hand.
  messages: { admin: ['list', 'show', 'edit'], coordinator: ['list', 'show', 'edit'] },
  // Volunteers' own reports awaiting review; `edit` is filing one as the activity report.
  'self-reports': { admin: ['list', 'show', 'edit'], coordinator: ['list', 'show', 'edit'] },
};

/** The roles that do casework with residents; a request's coordinator is one of them. */
export const CASEWORK: readonly Role[] = ['admin', 'coordinator'];

/** The roles that must sign in with a second factor, whatever the settings say. */
export const TOTP_REQUIRED: readonly Role[] = ['admin'];

/** The role of the first account, created from ADMIN_EMAIL/ADMIN_PASSWORD: it holds every grant. */
export const FIRST_ACCOUNT_ROLE: Role = 'admin';

/**
 * Fields shown only to some roles; everyone else never receives them, in the API or in CSV.
 * Residents' contact details and whatever free text may hold health or family details are for
 * the staff who work with residents; volunteer staff and the secretariat see the rest.
 */
export const RESTRICTED_FIELDS: Record<string, Record<string, readonly Role[]>> = {
  clients: { special_care_notes: CASEWORK, phone: CASEWORK, email: CASEWORK, address: CASEWORK, notes: CASEWORK },
  'support-requests': { place: CASEWORK, description: CASEWORK, intake: CASEWORK, status_reason: CASEWORK },
  'activity-reports': { summary: CASEWORK, follow_up_note: CASEWORK },
  // The timeline's text: call and e-mail logs, notes, reasons typed by coordinators.
  'request-events': { body: CASEWORK },
  assignments: { note: CASEWORK },
};

/** The fields of a resource this role must not receive. */
export function hiddenFields(role: Role | undefined, resource: string): string[] {
  return Object.keys(RESTRICTED_FIELDS[resource] ?? {}).filter((field) => !canSeeField(role, resource, field));
}

export function canAccess(role: Role | undefined, resource: string, action: Action): boolean {
  if (!role) return false;
  return PERMISSIONS[resource]?.[role]?.includes(action) ?? false;
}

export function canSeeField(role: Role | undefined, resource: string, field: string): boolean {
  const allowed = RESTRICTED_FIELDS[resource]?.[field];
  return !allowed || (!!role && allowed.includes(role));
}

/** The roles granted an action on a resource. */
export function rolesAllowed(resource: string, action: Action): Role[] {
  return ROLES.filter((role) => canAccess(role, resource, action));
}

export function mustUseTotp(role: Role): boolean {
  return TOTP_REQUIRED.includes(role);
}
