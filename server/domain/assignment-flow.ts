import type { ASSIGNMENT_STATUSES } from './enums.js';

export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Outreach to one volunteer: propose, contact, hear back, confirm — or stop. */
export const ASSIGNMENT_TRANSITIONS: Record<AssignmentStatus, readonly AssignmentStatus[]> = {
  proposed: ['contacted', 'accepted', 'declined', 'confirmed', 'cancelled'],
  contacted: ['accepted', 'declined', 'confirmed', 'cancelled'],
  accepted: ['confirmed', 'declined', 'cancelled'],
  declined: ['contacted'],
  confirmed: ['cancelled'],
  cancelled: [],
};

export const OPEN_ASSIGNMENT: readonly AssignmentStatus[] = ['proposed', 'contacted', 'accepted'];

export const canMoveAssignment = (from: AssignmentStatus, to: AssignmentStatus) => ASSIGNMENT_TRANSITIONS[from].includes(to);
