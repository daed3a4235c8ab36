/**
 * Every enumeration of the domain, declared once. The zod schemas, the database CHECK
 * constraints, the console's choices and the translation keys are all derived from these.
 */
export const ROLES = ['admin', 'coordinator', 'volunteer_staff', 'secretariat'] as const;
export type Role = (typeof ROLES)[number];

export const JAPANESE_LEVELS = ['none', 'basic', 'conversational', 'fluent'] as const;
export const ELIGIBILITIES = ['ofp_member', 'partner_referral', 'general'] as const;
export const VOLUNTEER_STATUSES = ['active', 'paused', 'retired'] as const;
export const ID_CHECK_METHODS = ['in_person', 'video_call'] as const;
export const ID_DOCUMENT_TYPES = [
  'drivers_license',
  'my_number_card',
  'passport',
  'residence_card',
  'health_insurance_card',
  'qualification_certificate',
  'other',
] as const;
/** 健康保険証 is no new document (issuance ended in December 2024); old checks keep it. */
export const NEW_ID_DOCUMENT_TYPES = ID_DOCUMENT_TYPES.filter((t) => t !== 'health_insurance_card');
export const ID_CHECK_RESULTS = ['passed', 'failed'] as const;
/** A volunteer's own, optional declaration; never required, never in funders' exports. */
export const GENDERS = ['female', 'male', 'other'] as const;
/** The gender a request may ask its volunteer to be (pregnancy check-ups, gynaecology, …). */
export const PREFERRED_GENDERS = ['female', 'male'] as const;

export const CHANNELS = ['phone', 'email', 'web_form', 'partner', 'walk_in'] as const;
export const CATEGORIES = ['welfare', 'medical', 'education', 'lifeline', 'housing', 'administrative', 'other'] as const;
export const TASK_TYPES = [
  'ward_office',
  'hospital',
  'child_health_checkup',
  'daycare_application',
  'school_meeting',
  'utilities_setup',
  'real_estate',
  'other',
] as const;
export const MODES = ['in_person', 'online'] as const;
export const REQUEST_STATUSES = [
  'received',
  'checking',
  'matching',
  'confirmed',
  'done',
  'closed',
  'cancelled',
  'unmatched',
  'rejected',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Entries on a request's timeline. */
export const REQUEST_EVENT_KINDS = [
  'status_change',
  'call',
  'email',
  'note',
  'assignment_change',
  'report',
  'expense',
  'follow_up',
  'edit',
] as const;
export const EVENT_PARTIES = ['resident', 'volunteer', 'partner', 'other'] as const;

export const ASSIGNMENT_STATUSES = ['proposed', 'contacted', 'accepted', 'declined', 'confirmed', 'cancelled'] as const;
export const OUTCOMES = ['resolved', 'partly_resolved', 'not_resolved'] as const;
export const EXPENSE_KINDS = ['transport', 'transfer_fee', 'other'] as const;
/**
 * The kinds a new expense may have: the service pays fares and bank-transfer fees only.
 * `other` stays readable on old records (and in the reports) but is never created again.
 */
export const NEW_EXPENSE_KINDS = ['transport', 'transfer_fee'] as const satisfies readonly (typeof EXPENSE_KINDS)[number][];
export const SETTLEMENT_METHODS = ['cash', 'bank_transfer'] as const;
export const ELIGIBILITY_MODES = ['members_only', 'open'] as const;
/** Consents (APPI): to use the data for the request, and to keep sensitive information (要配慮個人情報). */
export const CONSENT_KINDS = ['use', 'sensitive'] as const;
export const CONSENT_ACTIONS = ['given', 'withdrawn'] as const;
/** How a consent was given; `migrated` marks the single consent date kept before consents were separated. */
export const CONSENT_METHODS = ['web_form', 'phone', 'in_person', 'paper', 'migrated'] as const;

/** What a message of the outbox is: to the volunteer, or to the resident (resident_…). */
export const MESSAGE_KINDS = [
  'offer',
  'confirmation',
  'resident_confirmation',
  'reminder',
  'resident_reminder',
  'cancellation',
  'resident_cancellation',
  'report_request',
  'feedback_request',
] as const;
/** queued → sent, or failed after the retries; held = no SMTP configured, sent by hand. */
export const MESSAGE_STATUSES = ['queued', 'sent', 'failed', 'held', 'cancelled'] as const;
/** What a personal link is for: answering an offer, reporting an activity, a resident's feedback. */
export const LINK_PURPOSES = ['offer', 'report', 'feedback'] as const;
export const LINK_ANSWERS = ['accept', 'decline'] as const;

/** What a pending sign-in step waits for: a TOTP code, or the enrolment of one. */
export const LOGIN_CHALLENGE_PURPOSES = ['totp', 'enrol'] as const;

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'archive', 'status', 'login', 'logout', 'export', 'view', 'anonymise'] as const;

/** SQL fragment for a CHECK constraint: `col in ('a','b')`. Values are our own constants. */
export function sqlIn(column: string, values: readonly string[]): string {
  return `${column} in (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
}

/** Every enumeration with labels, by the name of its label group (`enums.<name>` in the console). */
export const ENUMS = {
  role: ROLES,
  japanese_level: JAPANESE_LEVELS,
  eligibility: ELIGIBILITIES,
  volunteer_status: VOLUNTEER_STATUSES,
  id_check_method: ID_CHECK_METHODS,
  id_document_type: ID_DOCUMENT_TYPES,
  id_check_result: ID_CHECK_RESULTS,
  gender: GENDERS,
  preferred_gender: PREFERRED_GENDERS,
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
  message_kind: MESSAGE_KINDS,
  message_status: MESSAGE_STATUSES,
  consent_kind: CONSENT_KINDS,
  consent_action: CONSENT_ACTIONS,
  consent_method: CONSENT_METHODS,
} as const;

export type EnumName = keyof typeof ENUMS;

/** The shape both locales must fill: a missing or misspelt value is a type error. */
export type EnumMessages = { [K in EnumName]: Record<(typeof ENUMS)[K][number], string> };
