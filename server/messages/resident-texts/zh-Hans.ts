import { parts, type ResidentCatalogue } from './types.js';

const zhHans: ResidentCatalogue = {
  confirmation: { subject: 'Spot Otonari-san：帮助的日期和时间已确定', intro: '为您提供帮助的日期和时间已确定。' },
  reminder: { subject: 'Spot Otonari-san：明天的帮助提醒', intro: '提醒您：明天将为您提供帮助。' },
  cancellation: { subject: 'Spot Otonari-san：帮助已取消', intro: '以下帮助已取消。' },
  feedback: {
    subject: 'Spot Otonari-san：这次的帮助怎么样？',
    intro: '这次的帮助怎么样？如您愿意，请在以下页面告诉我们您的感想（约 1 分钟）。',
  },
  feedbackPage: {
    title: '您的感想',
    question: '这次的帮助怎么样？',
    ratings: ['非常不满意', '不满意', '一般', '满意', '非常满意'],
    comment: '意见和感想（任何语言均可，可不填）',
    send: '发送',
    thanks: '谢谢！您的感想将帮助我们改进今后的活动。',
    closed: '此页面已无法使用（已提交或已过期）。',
  },
  when: '日期时间',
  where: '地点',
  online: '线上',
  volunteer: '志愿者',
  closing: '如有疑问，请直接回复此邮件。',
  date: (s, e) => {
    const p = parts(s);
    return `${p.year}年${p.month}月${p.day}日 ${p.time}–${parts(e).time}（日本时间）`;
  },
};

export default zhHans;
