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

/**
 * One click for two steps: a request taken complete by phone goes from 受付 straight to
 * matching; the check it passed on the way is recorded as its own step (two timeline events).
 */
export const VIA: Partial<Record<RequestStatus, Partial<Record<RequestStatus, RequestStatus>>>> = {
  received: { matching: 'checking' },
};

/** The step a manual move passes through first, if any. */
export const viaStep = (from: RequestStatus, to: RequestStatus): RequestStatus | undefined => VIA[from]?.[to];

/** Moves that go back a step: offered as a plain text button, never as the primary action. */
export const isStepBack = (from: RequestStatus, to: RequestStatus): boolean => from === 'matching' && to === 'checking';

/** Ending a request early needs a reason a colleague can read later. */
export const REASON_REQUIRED: readonly RequestStatus[] = ['cancelled', 'unmatched', 'rejected'];

export const TERMINAL: readonly RequestStatus[] = ['closed', 'cancelled', 'unmatched', 'rejected'];

export function canTransition(from: RequestStatus, to: RequestStatus, how: 'manual' | 'automatic' = 'manual'): boolean {
  return (how === 'manual' ? MANUAL_TRANSITIONS : AUTOMATIC_TRANSITIONS)[from].includes(to);
}

export function needsReason(to: RequestStatus): boolean {
  return REASON_REQUIRED.includes(to);
}
