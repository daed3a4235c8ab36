import type { RequestStatus } from './enums.js';

/**
 * The request workflow in one table. `manual` transitions are what a coordinator may do with
 * POST /status; `automatic` ones only happen as a consequence (confirming an assignment,
 * cancelling the confirmed one, filing the activity report).
 */
export const MANUAL_TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  received: ['checking', 'rejected', 'cancelled'],
  checking: ['matching', 'rejected', 'cancelled'],
  matching: ['checking', 'unmatched', 'cancelled'],
  confirmed: ['cancelled'],
  done: ['closed'],
  closed: [],
  cancelled: [],
  unmatched: [],
  rejected: [],
};

export const AUTOMATIC_TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  received: [],
  checking: [],
  matching: ['confirmed'],
  confirmed: ['matching', 'done'],
  done: [],
  closed: [],
  cancelled: [],
  unmatched: [],
  rejected: [],
};

/** Ending a request early needs a reason a colleague can read later. */
export const REASON_REQUIRED: readonly RequestStatus[] = ['cancelled', 'unmatched', 'rejected'];

export const TERMINAL: readonly RequestStatus[] = ['closed', 'cancelled', 'unmatched', 'rejected'];

export function canTransition(from: RequestStatus, to: RequestStatus, how: 'manual' | 'automatic' = 'manual'): boolean {
  return (how === 'manual' ? MANUAL_TRANSITIONS : AUTOMATIC_TRANSITIONS)[from].includes(to);
}

export function needsReason(to: RequestStatus): boolean {
  return REASON_REQUIRED.includes(to);
}
