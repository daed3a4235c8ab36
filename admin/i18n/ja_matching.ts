/**
 * Matching's reasons, warnings and conditions by their code, so they read in the console's
 * language (the server's own sentence is the fallback for a code not listed here).
 */
export const ja_matching = {
  matching_notes: {
    language: '依頼の言語を話せる (+%{points})',
    client_language: '利用者の言語のひとつを話せる (+%{points})',
    online: 'オンライン対応可',
    lives_in_area: '依頼の区市町村に住んでいる (+%{points})',
    serves_area: '依頼の区市町村で活動できる (+%{points})',
    task_experience: '同じ種類の活動を %{count} 回経験 (+%{points})',
    continuity: 'この利用者を以前に支援した (+%{points})',
    fairness: '最近 30 日の活動が %{count} 回と少ない (+%{points})',
    id_check_expiring: '本人確認の有効期限 (%{date}) が近い',
    near_monthly_limit: '今月あと 1 回で上限 (%{limit} 回)',
    partial_availability: '活動できる時間帯が依頼の時間の一部のみ',
    no_time_yet: '依頼の日時が未定のため、空き状況は確認していません',
    travel_time: '同じ日の別の区市町村での対面の活動との間が %{minutes} 分未満 (移動時間を確認)',
  },
  matching_filters: {
    active: '活動中のボランティア',
    id_check: '活動日に有効な本人確認',
    language: '依頼の言語 (または利用者の言語) を話せる',
    mode_area: '対面なら依頼の区市町村で活動可能 / オンラインならオンライン可',
    availability: '活動できる時間帯に合う',
    free: 'その時間に確定済みの活動がない',
    monthly_limit: '今月の上限回数に達していない',
    gender: '依頼の希望により%{gender}のボランティア (本人の申告による)',
  },
  matching_misses: {
    active: '活動中ではない',
    id_check: '活動日に有効な本人確認がない',
    language: '依頼の言語も利用者の言語も話せない',
    mode_area: '依頼の区市町村で活動できない (オンラインの依頼ならオンライン不可)',
    availability: '活動できる時間帯が依頼の時間と合わない',
    free: 'その時間に別の活動が確定している',
    monthly_limit: '今月の上限回数に達している',
    gender: '依頼の希望する性別ではない (本人の申告による)',
    id_check_expired: '本人確認の更新が必要 (有効期限 %{date})',
  },
};
