import { canSeeField } from './roles.js';
import type { Role } from './enums.js';

/**
 * The personal data held about residents and volunteers, in groups of fields. A single-record
 * read is audited by the groups the reader received; the console's privacy page lists the
 * same groups with who may see them (from RESTRICTED_FIELDS), so neither can drift.
 */
export const FIELD_GROUPS = {
  clients: {
    basic: [
      'client_no',
      'name',
      'name_kana',
      'nationality',
      'languages',
      'japanese_level',
      'municipality_code',
      'eligibility',
      'ofp_member_no',
      'partner_id',
      'consent_at',
    ],
    contact: ['phone', 'email', 'address'],
    casework: ['notes'],
    special_care_notes: ['special_care_notes'],
  },
  volunteers: {
    basic: [
      'volunteer_no',
      'name',
      'name_kana',
      'municipality_code',
      'service_municipality_codes',
      'languages',
      'task_types',
      'availability',
      'status',
      'ofp_registered',
    ],
    contact: ['phone', 'email'],
    casework: ['notes'],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

export type PersonResource = keyof typeof FIELD_GROUPS;

/** The groups of a person's record a role receives at all (at least one field of the group). */
export function visibleGroups(resource: PersonResource, role: Role | undefined): string[] {
  const groups: Record<string, readonly string[]> = FIELD_GROUPS[resource];
  return Object.entries(groups)
    .filter(([, fields]) => fields.some((f) => canSeeField(role, resource, f)))
    .map(([group]) => group);
}

/** The field groups of a person's record that a set of exported columns includes (none for other resources). */
export function groupsIn(resource: string, fields: readonly string[]): string[] {
  const table: Record<string, Record<string, readonly string[]>> = FIELD_GROUPS;
  if (!Object.hasOwn(table, resource)) return [];
  return Object.entries(table[resource] ?? {})
    .filter(([, members]) => members.some((f) => fields.includes(f)))
    .map(([group]) => group);
}
