import type { CATEGORIES, TASK_TYPES } from '../../server/domain/enums';
import { choicesFor } from '../choices';

type Category = (typeof CATEGORIES)[number];
type TaskType = (typeof TASK_TYPES)[number];

/**
 * The tasks a coordinator is offered once the area of help is known. A hint for the form, not
 * a rule: the server accepts any pair, and "other" is always there.
 */
export const TASKS_BY_CATEGORY: Record<Category, readonly TaskType[]> = {
  welfare: ['ward_office', 'hospital', 'child_health_checkup', 'daycare_application', 'other'],
  medical: ['hospital', 'child_health_checkup', 'ward_office', 'other'],
  education: ['school_meeting', 'daycare_application', 'child_health_checkup', 'other'],
  lifeline: ['utilities_setup', 'real_estate', 'other'],
  housing: ['real_estate', 'utilities_setup', 'ward_office', 'other'],
  administrative: ['ward_office', 'daycare_application', 'other'],
  other: [
    'ward_office',
    'hospital',
    'child_health_checkup',
    'daycare_application',
    'school_meeting',
    'utilities_setup',
    'real_estate',
    'other',
  ],
};

export const taskChoicesFor = (category: Category | undefined, current?: string) => {
  const all = choicesFor('task_type');
  if (!category) return all;
  const wanted = TASKS_BY_CATEGORY[category];
  return all.filter((c) => (wanted as readonly string[]).includes(c.id) || c.id === current);
};
