import { parts, type ResidentCatalogue } from './types.js';

/** Month names in the genitive, as dates are written. */
const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

const ru: ResidentCatalogue = {
  confirmation: { subject: 'Spot Otonari-san: время помощи назначено', intro: 'Дата и время помощи назначены.' },
  reminder: { subject: 'Spot Otonari-san: помощь завтра', intro: 'Напоминаем: помощь будет завтра.' },
  cancellation: { subject: 'Spot Otonari-san: помощь отменена', intro: 'Помощь, указанная ниже, отменена.' },
  feedback: {
    subject: 'Spot Otonari-san: как прошла помощь?',
    intro: 'Как прошла помощь? Если хотите, расскажите нам об этом на этой странице (примерно 1 минута).',
  },
  feedbackPage: {
    title: 'Ваш отзыв',
    question: 'Как прошла помощь?',
    ratings: ['Очень плохо', 'Плохо', 'Удовлетворительно', 'Хорошо', 'Очень хорошо'],
    comment: 'Комментарий (на любом языке; необязательно)',
    send: 'Отправить',
    thanks: 'Спасибо! Ваш отзыв поможет нам работать лучше.',
    closed: 'Эта страница больше не действует (отзыв уже отправлен или срок истёк).',
  },
  when: 'Когда',
  where: 'Где',
  online: 'Онлайн',
  volunteer: 'Волонтёр',
  closing: 'Если у вас есть вопросы, ответьте на это письмо.',
  date: (s, e) => {
    const p = parts(s);
    return `${p.day} ${MONTHS[p.month - 1]} ${p.year} г., ${p.time}–${parts(e).time} (по японскому времени)`;
  },
};

export default ru;
