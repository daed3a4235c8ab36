import { digits, parts, type ResidentCatalogue } from './types.js';

/** Month names of the Gregorian calendar as written in Afghanistan. */
const MONTHS = ['جنوری', 'فبروری', 'مارچ', 'اپریل', 'می', 'جون', 'جولای', 'اگست', 'سپتمبر', 'اکتوبر', 'نومبر', 'دسمبر'];

/** دری (Dari, Afghanistan): right to left. */
const faAF: ResidentCatalogue = {
  confirmation: { subject: 'اسپات اوتوناری‌سان: وقت کمک تعیین شد', intro: 'تاریخ و ساعت کمک به شما تعیین شد.' },
  reminder: { subject: 'اسپات اوتوناری‌سان: یادآوری کمک فردا', intro: 'یادآوری: فردا به شما کمک می‌شود.' },
  cancellation: { subject: 'اسپات اوتوناری‌سان: کمک لغو شد', intro: 'کمک زیر لغو شد.' },
  feedback: {
    subject: 'اسپات اوتوناری‌سان: کمک چطور بود؟',
    intro: 'کمکی که گرفتید چطور بود؟ اگر مایل هستید، در این صفحه به ما بگویید (حدود ۱ دقیقه).',
  },
  feedbackPage: {
    title: 'نظر شما',
    question: 'کمکی که گرفتید چطور بود؟',
    ratings: ['خیلی بد', 'بد', 'متوسط', 'خوب', 'خیلی خوب'],
    comment: 'نظر شما (به هر زبانی؛ اختیاری)',
    send: 'فرستادن',
    thanks: 'تشکر! نظر شما به ما کمک می‌کند کار خود را بهتر کنیم.',
    closed: 'این صفحه دیگر قابل استفاده نیست (قبلاً فرستاده شده یا وقت آن گذشته است).',
  },
  when: 'تاریخ و ساعت',
  where: 'محل',
  online: 'آنلاین',
  volunteer: 'رضاکار',
  closing: 'اگر سؤالی دارید، به همین ایمیل جواب بدهید.',
  date: (s, e) => {
    const p = parts(s);
    return digits(`${p.day} ${MONTHS[p.month - 1]} ${p.year}، ساعت ${p.time} تا ${parts(e).time} (به وقت جاپان)`, '۰');
  },
};

export default faAF;
