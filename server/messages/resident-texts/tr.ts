import { parts, type ResidentCatalogue } from './types.js';

const MONTHS = ['Ocak', 'Şubat', 'Mart', 'Nisan', 'Mayıs', 'Haziran', 'Temmuz', 'Ağustos', 'Eylül', 'Ekim', 'Kasım', 'Aralık'];

const tr: ResidentCatalogue = {
  confirmation: { subject: 'Spot Otonari-san: yardım zamanı belirlendi', intro: 'Size yardım edilecek gün ve saat belirlendi.' },
  reminder: { subject: 'Spot Otonari-san: yardımınız yarın', intro: 'Hatırlatma: yardımınız yarın.' },
  cancellation: { subject: 'Spot Otonari-san: yardım iptal edildi', intro: 'Aşağıdaki yardım iptal edildi.' },
  feedback: {
    subject: 'Spot Otonari-san: yardım nasıl geçti?',
    intro: 'Aldığınız yardım nasıl geçti? İsterseniz bu sayfada bize anlatın (yaklaşık 1 dakika).',
  },
  feedbackPage: {
    title: 'Görüşünüz',
    question: 'Aldığınız yardım nasıl geçti?',
    ratings: ['Çok kötü', 'Kötü', 'Orta', 'İyi', 'Çok iyi'],
    comment: 'Yorumunuz (herhangi bir dilde; isteğe bağlı)',
    send: 'Gönder',
    thanks: 'Teşekkür ederiz. Görüşünüz daha iyi olmamıza yardımcı olur.',
    closed: 'Bu sayfa artık kullanılamıyor (zaten gönderildi veya süresi doldu).',
  },
  when: 'Ne zaman',
  where: 'Nerede',
  online: 'Çevrim içi',
  volunteer: 'Gönüllü',
  closing: 'Sorunuz varsa bu e-postayı yanıtlayın.',
  date: (s, e) => {
    const p = parts(s);
    return `${p.day} ${MONTHS[p.month - 1]} ${p.year}, ${p.time}–${parts(e).time} (Japonya saati)`;
  },
};

export default tr;
