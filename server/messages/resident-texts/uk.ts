import { parts, type ResidentCatalogue } from './types.js';

/** Month names in the genitive, as dates are written. */
const MONTHS = ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'];

const uk: ResidentCatalogue = {
  confirmation: { subject: 'Spot Otonari-san: час допомоги визначено', intro: 'Дату й час допомоги визначено.' },
  reminder: { subject: 'Spot Otonari-san: допомога завтра', intro: 'Нагадуємо: допомога буде завтра.' },
  cancellation: { subject: 'Spot Otonari-san: допомогу скасовано', intro: 'Допомогу, зазначену нижче, скасовано.' },
  feedback: {
    subject: 'Spot Otonari-san: як пройшла допомога?',
    intro: 'Як пройшла допомога? Якщо бажаєте, розкажіть нам про це на цій сторінці (приблизно 1 хвилина).',
  },
  feedbackPage: {
    title: 'Ваш відгук',
    question: 'Як пройшла допомога?',
    ratings: ['Дуже погано', 'Погано', 'Задовільно', 'Добре', 'Дуже добре'],
    comment: 'Коментар (будь-якою мовою; необов’язково)',
    send: 'Надіслати',
    thanks: 'Дякуємо! Ваш відгук допоможе нам працювати краще.',
    closed: 'Ця сторінка більше не діє (відгук уже надіслано або строк минув).',
  },
  when: 'Коли',
  where: 'Де',
  online: 'Онлайн',
  volunteer: 'Волонтер',
  closing: 'Якщо маєте запитання, дайте відповідь на цей лист.',
  date: (s, e) => {
    const p = parts(s);
    return `${p.day} ${MONTHS[p.month - 1]} ${p.year} р., ${p.time}–${parts(e).time} (за японським часом)`;
  },
};

export default uk;
