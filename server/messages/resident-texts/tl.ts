import { parts, type ResidentCatalogue } from './types.js';

const MONTHS = ['Enero', 'Pebrero', 'Marso', 'Abril', 'Mayo', 'Hunyo', 'Hulyo', 'Agosto', 'Setyembre', 'Oktubre', 'Nobyembre', 'Disyembre'];

const tl: ResidentCatalogue = {
  confirmation: { subject: 'Spot Otonari-san: nakatakda na ang tulong', intro: 'Nakatakda na ang petsa at oras ng tulong para sa iyo.' },
  reminder: { subject: 'Spot Otonari-san: bukas na ang tulong', intro: 'Paalala: bukas na ang tulong para sa iyo.' },
  cancellation: { subject: 'Spot Otonari-san: kinansela ang tulong', intro: 'Kinansela ang tulong na nasa ibaba.' },
  feedback: {
    subject: 'Spot Otonari-san: kumusta ang tulong?',
    intro: 'Kumusta ang tulong na natanggap mo? Kung gusto mo, sabihin sa amin sa page na ito (mga 1 minuto).',
  },
  feedbackPage: {
    title: 'Ang iyong puna',
    question: 'Kumusta ang tulong na natanggap mo?',
    ratings: ['Napakasama', 'Masama', 'Katamtaman', 'Maganda', 'Napakaganda'],
    comment: 'Komento (kahit anong wika; hindi kailangan)',
    send: 'Ipadala',
    thanks: 'Salamat! Makakatulong ang iyong puna para mapabuti pa namin ang aming serbisyo.',
    closed: 'Hindi na magagamit ang page na ito (naipadala na o nag-expire na).',
  },
  when: 'Kailan',
  where: 'Saan',
  online: 'Sa online',
  volunteer: 'Boluntaryo',
  closing: 'Kung may tanong ka, sumagot lang sa e-mail na ito.',
  date: (s, e) => {
    const p = parts(s);
    return `${MONTHS[p.month - 1]} ${p.day}, ${p.year}, ${p.time}–${parts(e).time} (oras sa Japan)`;
  },
};

export default tl;
