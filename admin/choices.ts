import {
  ASSIGNMENT_STATUSES,
  AUDIT_ACTIONS,
  CATEGORIES,
  CHANNELS,
  ELIGIBILITIES,
  ELIGIBILITY_MODES,
  EVENT_PARTIES,
  EXPENSE_KINDS,
  ID_CHECK_METHODS,
  ID_CHECK_RESULTS,
  ID_DOCUMENT_TYPES,
  JAPANESE_LEVELS,
  MODES,
  OUTCOMES,
  REQUEST_EVENT_KINDS,
  REQUEST_STATUSES,
  ROLES,
  SETTLEMENT_METHODS,
  TASK_TYPES,
  VOLUNTEER_STATUSES,
} from '../server/domain/enums';

/** Every enumeration the console shows, by the name of its translation group `enums.<name>`. */
export const ENUMS = {
  role: ROLES,
  japanese_level: JAPANESE_LEVELS,
  eligibility: ELIGIBILITIES,
  volunteer_status: VOLUNTEER_STATUSES,
  id_check_method: ID_CHECK_METHODS,
  id_document_type: ID_DOCUMENT_TYPES,
  id_check_result: ID_CHECK_RESULTS,
  channel: CHANNELS,
  category: CATEGORIES,
  task_type: TASK_TYPES,
  mode: MODES,
  request_status: REQUEST_STATUSES,
  request_event_kind: REQUEST_EVENT_KINDS,
  event_party: EVENT_PARTIES,
  assignment_status: ASSIGNMENT_STATUSES,
  outcome: OUTCOMES,
  expense_kind: EXPENSE_KINDS,
  settlement_method: SETTLEMENT_METHODS,
  eligibility_mode: ELIGIBILITY_MODES,
  audit_action: AUDIT_ACTIONS,
} as const;

export type EnumName = keyof typeof ENUMS;

/** The shape both locales must fill: a missing or misspelt value is a type error. */
export type EnumMessages = { [K in EnumName]: Record<(typeof ENUMS)[K][number], string> };

/** react-admin choices whose names are translation keys (Select* translate them). */
export const choicesFor = (enum_name: EnumName) =>
  ENUMS[enum_name].map((value) => ({ id: value, name: `enums.${enum_name}.${value}` }));
