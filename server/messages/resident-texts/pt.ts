import { parts, type ResidentCatalogue } from './types.js';

const MONTHS = [
  'janeiro',
  'fevereiro',
  'março',
  'abril',
  'maio',
  'junho',
  'julho',
  'agosto',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
];

const pt: ResidentCatalogue = {
  confirmation: { subject: 'Spot Otonari-san: a data da ajuda foi marcada', intro: 'A data e o horário da sua ajuda foram marcados.' },
  reminder: { subject: 'Spot Otonari-san: sua ajuda é amanhã', intro: 'Lembrete: sua ajuda é amanhã.' },
  cancellation: { subject: 'Spot Otonari-san: a ajuda foi cancelada', intro: 'A ajuda abaixo foi cancelada.' },
  feedback: {
    subject: 'Spot Otonari-san: como foi a ajuda?',
    intro: 'Como foi a ajuda que você recebeu? Se quiser, conte para nós nesta página (cerca de 1 minuto).',
  },
  feedbackPage: {
    title: 'Sua opinião',
    question: 'Como foi a ajuda que você recebeu?',
    ratings: ['Muito ruim', 'Ruim', 'Regular', 'Boa', 'Muito boa'],
    comment: 'Comentários (em qualquer idioma; opcional)',
    send: 'Enviar',
    thanks: 'Obrigado! Sua opinião nos ajuda a melhorar.',
    closed: 'Esta página não pode mais ser usada (já foi respondida ou expirou).',
  },
  when: 'Quando',
  where: 'Onde',
  online: 'Pela internet',
  volunteer: 'Voluntário',
  closing: 'Se tiver alguma dúvida, responda a este e-mail.',
  date: (s, e) => {
    const p = parts(s);
    return `${p.day} de ${MONTHS[p.month - 1]} de ${p.year}, das ${p.time} às ${parts(e).time} (horário do Japão)`;
  },
};

export default pt;
