import { parts, type ResidentCatalogue } from './types.js';

const ko: ResidentCatalogue = {
  confirmation: { subject: '스폿 오토나리상: 도움 일정이 확정되었습니다', intro: '도움을 드릴 날짜와 시간이 확정되었습니다.' },
  reminder: { subject: '스폿 오토나리상: 내일 도움 안내', intro: '내일 도움 일정을 알려 드립니다.' },
  cancellation: { subject: '스폿 오토나리상: 도움이 취소되었습니다', intro: '다음 도움이 취소되었습니다.' },
  feedback: {
    subject: '스폿 오토나리상: 도움은 어떠셨나요?',
    intro: '받으신 도움은 어떠셨나요? 괜찮으시다면 아래 페이지에서 의견을 알려 주세요(약 1분).',
  },
  feedbackPage: {
    title: '도움에 대한 의견',
    question: '받으신 도움은 어떠셨나요?',
    ratings: ['매우 불만족', '불만족', '보통', '만족', '매우 만족'],
    comment: '의견 및 소감 (어떤 언어로 쓰셔도 됩니다. 선택 사항)',
    send: '보내기',
    thanks: '감사합니다. 보내 주신 의견은 앞으로의 활동에 반영하겠습니다.',
    closed: '이 페이지는 더 이상 사용할 수 없습니다(이미 보냈거나 기한이 지났습니다).',
  },
  when: '일시',
  where: '장소',
  online: '온라인',
  volunteer: '자원봉사자',
  closing: '궁금한 점이 있으시면 이 메일에 회신해 주세요.',
  date: (s, e) => {
    const p = parts(s);
    return `${p.year}년 ${p.month}월 ${p.day}일 ${p.time}~${parts(e).time} (일본 시간)`;
  },
};

export default ko;
