import type { ResidentCatalogue } from './types.js';

const vi: ResidentCatalogue = {
  confirmation: { subject: 'Spot Otonari-san: đã có lịch hỗ trợ', intro: 'Ngày giờ hỗ trợ bạn đã được xác định.' },
  reminder: { subject: 'Spot Otonari-san: ngày mai có buổi hỗ trợ', intro: 'Xin nhắc bạn: ngày mai có buổi hỗ trợ.' },
  cancellation: { subject: 'Spot Otonari-san: buổi hỗ trợ đã bị hủy', intro: 'Buổi hỗ trợ sau đây đã bị hủy.' },
  feedback: {
    subject: 'Spot Otonari-san: buổi hỗ trợ thế nào?',
    intro: 'Buổi hỗ trợ vừa rồi thế nào? Nếu được, xin cho chúng tôi biết cảm nhận của bạn ở trang sau (khoảng 1 phút).',
  },
  feedbackPage: {
    title: 'Cảm nhận của bạn',
    question: 'Buổi hỗ trợ vừa rồi thế nào?',
    ratings: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'],
    comment: 'Ý kiến, cảm nhận (viết bằng ngôn ngữ nào cũng được; không bắt buộc)',
    send: 'Gửi',
    thanks: 'Cảm ơn bạn. Ý kiến của bạn giúp chúng tôi làm tốt hơn.',
    closed: 'Trang này không còn dùng được nữa (đã gửi rồi hoặc đã hết hạn).',
  },
  when: 'Thời gian',
  where: 'Địa điểm',
  online: 'Trực tuyến',
  volunteer: 'Tình nguyện viên',
  closing: 'Nếu có điều gì chưa rõ, xin hãy trả lời email này.',
  date: (s, e) => `${s.slice(11, 16)}–${e.slice(11, 16)} ngày ${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)} (giờ Nhật Bản)`,
};

export default vi;
