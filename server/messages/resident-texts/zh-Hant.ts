import { parts, type ResidentCatalogue } from './types.js';

const zhHant: ResidentCatalogue = {
  confirmation: { subject: 'Spot Otonari-san：協助的日期和時間已確定', intro: '為您提供協助的日期和時間已確定。' },
  reminder: { subject: 'Spot Otonari-san：明天的協助提醒', intro: '提醒您：明天將為您提供協助。' },
  cancellation: { subject: 'Spot Otonari-san：協助已取消', intro: '以下協助已取消。' },
  feedback: {
    subject: 'Spot Otonari-san：這次的協助如何？',
    intro: '這次的協助如何？如您願意，請在以下頁面告訴我們您的感想（約 1 分鐘）。',
  },
  feedbackPage: {
    title: '您的感想',
    question: '這次的協助如何？',
    ratings: ['非常不滿意', '不滿意', '普通', '滿意', '非常滿意'],
    comment: '意見與感想（任何語言皆可，可不填）',
    send: '送出',
    thanks: '謝謝！您的感想將幫助我們改善今後的活動。',
    closed: '此頁面已無法使用（已送出或已過期）。',
  },
  when: '日期時間',
  where: '地點',
  online: '線上',
  volunteer: '志工',
  closing: '如有疑問，請直接回覆此郵件。',
  date: (s, e) => {
    const p = parts(s);
    return `${p.year}年${p.month}月${p.day}日 ${p.time}–${parts(e).time}（日本時間）`;
  },
};

export default zhHant;
