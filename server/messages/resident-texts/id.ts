import { parts, type ResidentCatalogue } from './types.js';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** Indonesian writes times with a point: 10.00. */
const time = (iso: string) => parts(iso).time.replace(':', '.');

const id: ResidentCatalogue = {
  confirmation: {
    subject: 'Spot Otonari-san: jadwal bantuan sudah ditetapkan',
    intro: 'Tanggal dan jam bantuan untuk Anda sudah ditetapkan.',
  },
  reminder: { subject: 'Spot Otonari-san: bantuan Anda besok', intro: 'Pengingat: bantuan untuk Anda dijadwalkan besok.' },
  cancellation: { subject: 'Spot Otonari-san: bantuan dibatalkan', intro: 'Bantuan berikut dibatalkan.' },
  feedback: {
    subject: 'Spot Otonari-san: bagaimana bantuannya?',
    intro: 'Bagaimana bantuan yang Anda terima? Jika berkenan, ceritakan kepada kami di halaman ini (sekitar 1 menit).',
  },
  feedbackPage: {
    title: 'Pendapat Anda',
    question: 'Bagaimana bantuan yang Anda terima?',
    ratings: ['Sangat buruk', 'Buruk', 'Cukup', 'Baik', 'Sangat baik'],
    comment: 'Komentar (boleh dalam bahasa apa pun; tidak wajib)',
    send: 'Kirim',
    thanks: 'Terima kasih. Pendapat Anda membantu kami menjadi lebih baik.',
    closed: 'Halaman ini sudah tidak bisa dipakai (sudah dikirim atau sudah kedaluwarsa).',
  },
  when: 'Waktu',
  where: 'Tempat',
  online: 'Daring',
  volunteer: 'Relawan',
  closing: 'Jika ada pertanyaan, silakan balas e-mail ini.',
  date: (s, e) => {
    const p = parts(s);
    return `${p.day} ${MONTHS[p.month - 1]} ${p.year}, pukul ${time(s)}–${time(e)} (waktu Jepang)`;
  },
};

export default id;
