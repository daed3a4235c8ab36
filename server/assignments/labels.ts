import type { AssignmentStatus } from '../domain/assignment-flow.js';

export const ASSIGNMENT_LABEL_JA: Record<AssignmentStatus, string> = {
  proposed: '提案',
  contacted: '連絡済み',
  accepted: '承諾',
  declined: '辞退',
  confirmed: '確定',
  cancelled: '取消',
};

export const TASK_LABEL_JA = {
  ward_office: '区役所手続きへの同行',
  hospital: '病院への受診同行',
  child_health_checkup: '子どもの健診',
  daycare_application: '保育園入園書類の記入',
  school_meeting: '保護者面談',
  utilities_setup: 'ライフライン開通',
  real_estate: '不動産相談',
  other: 'その他',
} as const;
