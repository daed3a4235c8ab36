import { digits, parts, type ResidentCatalogue } from './types.js';

/** Month names of the Gregorian calendar as written in Afghanistan. */
const MONTHS = ['جنوري', 'فبروري', 'مارچ', 'اپرېل', 'مۍ', 'جون', 'جولای', 'اګست', 'سپتمبر', 'اکتوبر', 'نومبر', 'دسمبر'];

/** پښتو (Pashto): right to left. */
const ps: ResidentCatalogue = {
  confirmation: { subject: 'اسپاټ اوتوناري‌سان: د مرستې وخت وټاکل شو', intro: 'له تاسو سره د مرستې نېټه او وخت وټاکل شو.' },
  reminder: { subject: 'اسپاټ اوتوناري‌سان: سبا مرسته ده', intro: 'یادونه: سبا له تاسو سره مرسته کېږي.' },
  cancellation: { subject: 'اسپاټ اوتوناري‌سان: مرسته لغوه شوه', intro: 'لاندې مرسته لغوه شوه.' },
  feedback: {
    subject: 'اسپاټ اوتوناري‌سان: مرسته څنګه وه؟',
    intro: 'هغه مرسته چې تاسو ترلاسه کړه څنګه وه؟ که غواړئ، په دې پاڼه کې موږ ته ووایئ (شاوخوا ۱ دقیقه).',
  },
  feedbackPage: {
    title: 'ستاسو نظر',
    question: 'هغه مرسته چې تاسو ترلاسه کړه څنګه وه؟',
    ratings: ['ډېر بد', 'بد', 'منځنی', 'ښه', 'ډېر ښه'],
    comment: 'ستاسو نظر (په هره ژبه؛ اختیاري)',
    send: 'لېږل',
    thanks: 'مننه! ستاسو نظر له موږ سره مرسته کوي چې خپل کار ښه کړو.',
    closed: 'دا پاڼه نور نه کارول کېږي (مخکې لېږل شوې یا یې موده تېره شوې ده).',
  },
  when: 'نېټه او وخت',
  where: 'ځای',
  online: 'آنلاین',
  volunteer: 'رضاکار',
  closing: 'که پوښتنه لرئ، همدې برېښنالیک ته ځواب ورکړئ.',
  date: (s, e) => {
    const p = parts(s);
    return digits(`${p.day} ${MONTHS[p.month - 1]} ${p.year}، له ${p.time} تر ${parts(e).time} (د جاپان وخت)`, '۰');
  },
};

export default ps;
