type Translate = (key: string, options?: Record<string, unknown>) => string;
type Message = { code: string; params?: Record<string, unknown> };

/**
 * An entry the server wrote, in the console's language: its code and values (field names,
 * statuses, kinds of expense as their labels; yen and dates as people write them).
 */
export const timelineMessageText = (translate: Translate, message: Message, locale: string): string => {
  const p = message.params ?? {};
  const params: Record<string, unknown> = { ...p };
  if (Array.isArray(p.fields)) {
    params.fields = p.fields
      .map((f) => translate(`resources.support-requests.fields.${f}`, { _: String(f) }))
      .join(locale === 'en' ? ', ' : '、');
  }
  if (typeof p.kind === 'string') params.kind = translate(`enums.expense_kind.${p.kind}`, { _: p.kind });
  if (typeof p.amount === 'number') params.amount = p.amount.toLocaleString('ja-JP');
  if (typeof p.date === 'string') params.date = locale === 'en' ? p.date : p.date.replaceAll('-', '/');
  for (const key of ['from', 'to'] as const) {
    if (typeof p[key] === 'string' && p[key]) params[key] = translate(`enums.assignment_status.${p[key]}`, { _: p[key] });
  }
  const code = message.code === 'report_filed' && p.outside ? 'report_filed_outside' : message.code;
  if (code === 'volunteer_answered') {
    // What the volunteer wrote stays as written, after the answer in the console's language.
    const answer = translate(`timeline_messages.volunteer_answered_${p.answer === 'accept' ? 'accept' : 'decline'}`, { _: '' });
    const comment =
      typeof p.comment === 'string' && p.comment ? translate('timeline_messages.volunteer_comment', { comment: p.comment }) : '';
    return answer + comment;
  }
  const key =
    message.code === 'assignment_moved' && !p.from
      ? 'assignment_new'
      : message.code === 'follow_up_handled' && typeof p.note === 'string' && p.note
        ? 'follow_up_handled_note'
        : code;
  return translate(`timeline_messages.${key}`, { ...params, _: '' });
};
