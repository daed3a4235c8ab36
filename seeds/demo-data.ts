/**
 * Fictional demo data for Spot Otonari-san. Every person, organisation, phone number and
 * e-mail address here is invented (e-mails only on example.com / example.org).
 *
 * Dates are relative to the seeding time `now` (days ago / days from now) so the demo always
 * looks current; seeds/demo.ts turns them into Japan-time timestamps, moves activity dates
 * onto service days (Mon–Sat, not a public holiday, a weekday the volunteer is available)
 * and derives the timeline, numbers and search text.
 */
import type {
  CATEGORIES,
  CHANNELS,
  EVENT_PARTIES,
  ELIGIBILITIES,
  EXPENSE_KINDS,
  ID_CHECK_METHODS,
  ID_CHECK_RESULTS,
  ID_DOCUMENT_TYPES,
  JAPANESE_LEVELS,
  MODES,
  OUTCOMES,
  RequestStatus,
  SETTLEMENT_METHODS,
  TASK_TYPES,
  VOLUNTEER_STATUSES,
} from '../server/domain/enums.js';

type Of<T extends readonly string[]> = T[number];

/** Staff are referred to by the local part of their demo e-mail address. */
export type StaffKey = 'admin' | 'coordinator' | 'coordinator2' | 'volunteers' | 'secretariat';

export type DemoPartner = { key: string; name: string; contact_name: string; phone: string; email: string; notes: string | null };

export type DemoClient = {
  key: string;
  name: string;
  name_kana: string;
  nationality: string;
  languages: string[];
  japanese_level: Of<typeof JAPANESE_LEVELS>;
  phone: string | null;
  email: string | null;
  municipality_code: string;
  address: string;
  eligibility: Of<typeof ELIGIBILITIES>;
  ofp_member_no?: string;
  partner?: string;
  /** Days before `now` the record was created / consent was recorded (null: no consent yet). */
  createdDaysAgo: number;
  consentDaysAgo: number | null;
  special_care_notes?: string;
  notes?: string;
  archivedDaysAgo?: number;
};

export type Availability = { weekday: number; start: string; end: string };

export type DemoIdCheck = {
  checkedDaysAgo: number;
  method: Of<typeof ID_CHECK_METHODS>;
  document_type: Of<typeof ID_DOCUMENT_TYPES>;
  result: Of<typeof ID_CHECK_RESULTS>;
  notes?: string;
};

export type DemoVolunteer = {
  key: string;
  name: string;
  name_kana: string;
  email: string;
  phone: string;
  municipality_code: string;
  service_municipality_codes: string[];
  languages: string[];
  in_person_ok: boolean;
  online_ok: boolean;
  task_types: Of<typeof TASK_TYPES>[];
  availability: Availability[];
  monthly_limit: number;
  status: Of<typeof VOLUNTEER_STATUSES>;
  ofp_registered: boolean;
  notes?: string;
  registeredDaysAgo: number;
  idChecks: DemoIdCheck[];
};

/** An activity slot: `day` relative to now (moved to a service day), start time, length. */
export type DemoSlot = { day: number; time: string; minutes: number };

export type DemoContact = {
  /** The status step the entry follows, and how many minutes after it. */
  after: RequestStatus;
  minutes: number;
  kind: 'call' | 'email' | 'note';
  party: Of<typeof EVENT_PARTIES> | null;
  body: string;
};

export type DemoAssignment = {
  volunteer: string;
  status: 'proposed' | 'contacted' | 'accepted' | 'declined' | 'cancelled';
  note?: string;
  /** A cancelled assignment that had been confirmed before. */
  wasConfirmed?: boolean;
};

export type DemoReport = {
  /** Minutes the actual times differ from the planned slot. */
  startDelta: number;
  endDelta: number;
  outcome: Of<typeof OUTCOMES>;
  summary: string;
  follow_up_needed?: boolean;
  follow_up_note?: string;
  followUpHandled?: boolean;
};

export type DemoExpense = {
  kind: Of<typeof EXPENSE_KINDS>;
  amount_yen: number;
  /** Settled this many days after the activity, or outstanding (null). */
  settled: { days: number; method: Of<typeof SETTLEMENT_METHODS> } | null;
  note?: string;
};

export type DemoIntake = {
  lang: string;
  name: string;
  phone: string;
  email?: string;
  contact_language: string;
  partner_name?: string;
  preferred_slots: DemoSlot[];
  description: string;
};

export type DemoRequest = {
  key: string;
  client: string | null;
  intake?: DemoIntake;
  channel: Of<typeof CHANNELS>;
  receivedDaysAgo: number;
  receivedTime: string;
  category: Of<typeof CATEGORIES>;
  task_type: Of<typeof TASK_TYPES>;
  mode: Of<typeof MODES>;
  language: string;
  municipality_code: string;
  place: string;
  description: string;
  slot: DemoSlot | null;
  coordinator: 'coordinator' | 'coordinator2';
  status: RequestStatus;
  /** The statuses it went through, when not the usual path to `status`. */
  path?: RequestStatus[];
  status_reason?: string;
  followUpOf?: string;
  /** The volunteer of the confirmed assignment. */
  volunteer?: string;
  assignments?: DemoAssignment[];
  contacts?: DemoContact[];
  report?: DemoReport;
  expenses?: DemoExpense[];
};

export const PARTNERS: DemoPartner[] = [
  {
    key: 'midori',
    name: '一般社団法人 みどり台国際交流協会',
    contact_name: '大野 真理',
    phone: '03-6412-7781',
    email: 'soudan@midoridai-kokusai.example.org',
    notes: '多言語相談窓口（火・木）から紹介あり。紹介時は担当者から電話連絡。',
  },
  {
    key: 'hidamari',
    name: 'NPO法人 ひだまり難民支援ネットワーク',
    contact_name: '村上 直子',
    phone: '03-5368-2294',
    email: 'contact@hidamari-net.example.org',
    notes: '難民・避難民の生活支援。紹介ケースは要配慮情報を含むことが多いので取扱注意。',
  },
  {
    key: 'asahi',
    name: 'あさひ日本語学院',
    contact_name: '清水 健',
    phone: '03-3209-5516',
    email: 'office@asahi-nihongo.example.com',
    notes: '在籍学生とその家族を紹介。夜間クラスあり。',
  },
];

export const CLIENTS: DemoClient[] = [
  {
    key: 'olena', name: 'Olena Kovalenko', name_kana: 'オレナ・コヴァレンコ', nationality: 'UA',
    languages: ['uk', 'ru'], japanese_level: 'basic', phone: '080-4127-3391', email: 'olena.kovalenko@example.com',
    municipality_code: '131105', address: '目黒区中町1丁目', eligibility: 'partner_referral', partner: 'hidamari',
    createdDaysAgo: 95, consentDaysAgo: 95,
    special_care_notes: '避難民として来日。高血圧で定期通院中（本人同意のうえ記録）。',
    notes: '連絡は平日午前が望ましい。',
  },
  {
    key: 'andriy', name: 'Andriy Melnyk', name_kana: 'アンドリー・メリニク', nationality: 'UA',
    languages: ['uk', 'ru', 'en'], japanese_level: 'conversational', phone: '090-2284-6170', email: 'a.melnyk@example.org',
    municipality_code: '141003', address: '横浜市港北区', eligibility: 'ofp_member', ofp_member_no: 'OFP-0123',
    createdDaysAgo: 400, consentDaysAgo: 400,
  },
  {
    key: 'ahmad', name: 'Ahmad Rahimi', name_kana: 'アフマド・ラヒミ', nationality: 'AF',
    languages: ['fa', 'ps'], japanese_level: 'none', phone: '070-5531-2087', email: null,
    municipality_code: '131041', address: '新宿区大久保2丁目', eligibility: 'partner_referral', partner: 'hidamari',
    createdDaysAgo: 85, consentDaysAgo: 85,
    special_care_notes: '難民認定申請中。在留資格に関する話題は慎重に扱うこと。',
    notes: 'ダリー語（ペルシャ語）で連絡すると円滑。',
  },
  {
    key: 'lan', name: 'Nguyen Thi Lan', name_kana: 'グエン・ティ・ラン', nationality: 'VN',
    languages: ['vi'], japanese_level: 'basic', phone: '080-6619-0452', email: 'lan.nguyen@example.com',
    municipality_code: '131202', address: '練馬区豊玉北', eligibility: 'ofp_member', ofp_member_no: 'OFP-0217',
    createdDaysAgo: 300, consentDaysAgo: 300,
  },
  {
    key: 'minh', name: 'Tran Van Minh', name_kana: 'チャン・ヴァン・ミン', nationality: 'VN',
    languages: ['vi', 'en'], japanese_level: 'conversational', phone: '090-7743-1185', email: 'minh.tran@example.org',
    municipality_code: '131041', address: '新宿区百人町', eligibility: 'partner_referral', partner: 'midori',
    createdDaysAgo: 60, consentDaysAgo: 60,
  },
  {
    key: 'sita', name: 'Sita Gurung', name_kana: 'シタ・グルン', nationality: 'NP',
    languages: ['ne', 'en'], japanese_level: 'basic', phone: '080-3392-7718', email: 'sita.gurung@example.com',
    municipality_code: '131121', address: '世田谷区太子堂', eligibility: 'ofp_member', ofp_member_no: 'OFP-0342',
    createdDaysAgo: 250, consentDaysAgo: 250,
    special_care_notes: '第二子を妊娠中。健診・受診の同行時は体調に配慮。',
  },
  {
    key: 'maria', name: 'Maria Santos', name_kana: 'マリア・サントス', nationality: 'PH',
    languages: ['tl', 'en'], japanese_level: 'conversational', phone: '070-2245-8093', email: 'maria.santos@example.com',
    municipality_code: '131032', address: '港区芝浦', eligibility: 'ofp_member', ofp_member_no: 'OFP-0456',
    createdDaysAgo: 200, consentDaysAgo: 200,
  },
  {
    key: 'wang', name: '王芳', name_kana: 'ワン・ファン', nationality: 'CN',
    languages: ['zh'], japanese_level: 'basic', phone: '080-9021-5576', email: 'wangfang@example.com',
    municipality_code: '131041', address: '新宿区高田馬場', eligibility: 'partner_referral', partner: 'asahi',
    createdDaysAgo: 30, consentDaysAgo: 30,
    notes: '学院の夜間クラスに在籍。日中は仕事のため連絡はメール優先。',
  },
  {
    key: 'lucas', name: 'Lucas Oliveira', name_kana: 'ルーカス・オリヴェイラ', nationality: 'BR',
    languages: ['pt'], japanese_level: 'basic', phone: '090-1187-6624', email: 'lucas.oliveira@example.org',
    municipality_code: '141003', address: '横浜市鶴見区', eligibility: 'general',
    createdDaysAgo: 52, consentDaysAgo: null,
  },
  {
    key: 'aung', name: 'Aung Kyaw Min', name_kana: 'アウン・チョー・ミン', nationality: 'MM',
    languages: ['my', 'en'], japanese_level: 'basic', phone: '070-6684-3019', email: 'aung.kyawmin@example.com',
    municipality_code: '131202', address: '練馬区桜台', eligibility: 'partner_referral', partner: 'hidamari',
    createdDaysAgo: 32, consentDaysAgo: 32,
  },
  {
    key: 'emily', name: 'Emily Carter', name_kana: 'エミリー・カーター', nationality: 'US',
    languages: ['en'], japanese_level: 'basic', phone: '080-5573-2241', email: 'emily.carter@example.com',
    municipality_code: '131130', address: '渋谷区笹塚', eligibility: 'general',
    createdDaysAgo: 3, consentDaysAgo: 3,
    notes: 'ウェブフォームからの依頼を受けて登録。',
  },
  {
    key: 'jihyun', name: '김지현', name_kana: 'キム・ジヒョン', nationality: 'KR',
    languages: ['ko', 'en'], japanese_level: 'conversational', phone: '090-3356-9902', email: 'jihyun.kim@example.org',
    municipality_code: '132047', address: '三鷹市下連雀', eligibility: 'ofp_member', ofp_member_no: 'OFP-0589',
    createdDaysAgo: 180, consentDaysAgo: 180,
  },
  {
    key: 'iryna', name: 'Iryna Shevchenko', name_kana: 'イリーナ・シェフチェンコ', nationality: 'UA',
    languages: ['uk', 'ru'], japanese_level: 'none', phone: '080-2219-6647', email: null,
    municipality_code: '131121', address: '世田谷区三軒茶屋', eligibility: 'ofp_member', ofp_member_no: 'OFP-0611',
    createdDaysAgo: 150, consentDaysAgo: 150, archivedDaysAgo: 30,
    notes: '関西へ転居したため利用終了。',
  },
  {
    key: 'bishnu', name: 'Bishnu Thapa', name_kana: 'ビシュヌ・タパ', nationality: 'NP',
    languages: ['ne'], japanese_level: 'none', phone: '070-4410-3378', email: null,
    municipality_code: '131105', address: '目黒区祐天寺', eligibility: 'general',
    createdDaysAgo: 3, consentDaysAgo: null,
    notes: '同意書は初回面談時に取得予定。',
  },
];

const slot = (weekday: number, start: string, end: string): Availability => ({ weekday, start, end });

export const VOLUNTEERS: DemoVolunteer[] = [
  {
    key: 'sato', name: '佐藤 美咲', name_kana: 'サトウ ミサキ', email: 'misaki.sato@example.org', phone: '080-1123-4581',
    municipality_code: '131105', service_municipality_codes: ['131105', '131121', '131091', '131130'],
    languages: ['ja', 'uk', 'ru', 'en'], in_person_ok: true, online_ok: true,
    task_types: ['ward_office', 'hospital', 'child_health_checkup', 'utilities_setup'],
    availability: [slot(1, '09:00', '17:00'), slot(3, '09:00', '17:00'), slot(6, '10:00', '16:00')],
    monthly_limit: 4, status: 'active', ofp_registered: true, notes: 'キーウでの勤務経験あり。',
    registeredDaysAgo: 900, idChecks: [{ checkedDaysAgo: 420, method: 'in_person', document_type: 'my_number_card', result: 'passed' }],
  },
  {
    key: 'tanaka', name: '田中 健一', name_kana: 'タナカ ケンイチ', email: 'kenichi.tanaka@example.com', phone: '090-6652-0918',
    municipality_code: '131041', service_municipality_codes: ['131041', '131130', '131032'],
    languages: ['ja', 'fa', 'en'], in_person_ok: true, online_ok: false,
    task_types: ['ward_office', 'hospital', 'real_estate'],
    availability: [slot(2, '09:00', '15:00'), slot(4, '09:00', '15:00')],
    monthly_limit: 3, status: 'active', ofp_registered: true, notes: '元商社勤務。テヘラン駐在経験あり。',
    registeredDaysAgo: 760, idChecks: [{ checkedDaysAgo: 610, method: 'in_person', document_type: 'drivers_license', result: 'passed' }],
  },
  {
    key: 'suzuki', name: '鈴木 由美', name_kana: 'スズキ ユミ', email: 'yumi.suzuki@example.org', phone: '080-7740-2265',
    municipality_code: '131202', service_municipality_codes: ['131202', '131041'],
    languages: ['ja', 'vi', 'en'], in_person_ok: true, online_ok: true,
    task_types: ['ward_office', 'hospital', 'daycare_application', 'school_meeting', 'utilities_setup'],
    availability: [slot(1, '13:00', '18:00'), slot(3, '13:00', '18:00'), slot(5, '13:00', '18:00')],
    monthly_limit: 4, status: 'active', ofp_registered: true,
    registeredDaysAgo: 520, idChecks: [{ checkedDaysAgo: 300, method: 'in_person', document_type: 'drivers_license', result: 'passed' }],
  },
  {
    key: 'takahashi', name: '高橋 翔太', name_kana: 'タカハシ ショウタ', email: 'shota.takahashi@example.com', phone: '070-3381-5547',
    municipality_code: '131121', service_municipality_codes: ['131121', '131105', '131130'],
    languages: ['ja', 'ne', 'en'], in_person_ok: true, online_ok: true,
    task_types: ['hospital', 'child_health_checkup', 'school_meeting', 'ward_office'],
    availability: [slot(2, '08:30', '12:00'), slot(6, '08:30', '17:00')],
    monthly_limit: 3, status: 'active', ofp_registered: true, notes: '看護師。ネパールで青年海外協力隊の経験あり。',
    registeredDaysAgo: 640, idChecks: [{ checkedDaysAgo: 540, method: 'video_call', document_type: 'my_number_card', result: 'passed' }],
  },
  {
    key: 'ito', name: '伊藤 さくら', name_kana: 'イトウ サクラ', email: 'sakura.ito@example.org', phone: '080-5096-1173',
    municipality_code: '131091', service_municipality_codes: ['131091', '131032', '131105'],
    languages: ['ja', 'tl', 'en'], in_person_ok: true, online_ok: true,
    task_types: ['ward_office', 'utilities_setup', 'real_estate', 'other'],
    availability: [1, 2, 3, 4, 5].map((d) => slot(d, '16:00', '18:00')).concat(slot(6, '09:00', '15:00')),
    monthly_limit: 5, status: 'active', ofp_registered: true,
    registeredDaysAgo: 330, idChecks: [{ checkedDaysAgo: 200, method: 'in_person', document_type: 'passport', result: 'passed' }],
  },
  {
    key: 'watanabe', name: '渡辺 直樹', name_kana: 'ワタナベ ナオキ', email: 'naoki.watanabe@example.com', phone: '090-4418-7302',
    municipality_code: '131041', service_municipality_codes: ['131041', '131130', '131202'],
    languages: ['ja', 'zh', 'en'], in_person_ok: true, online_ok: false,
    task_types: ['ward_office', 'daycare_application', 'school_meeting'],
    availability: [slot(3, '10:00', '17:00'), slot(5, '10:00', '17:00')],
    monthly_limit: 3, status: 'active', ofp_registered: true, notes: '3年ごとの本人確認を更新済み。',
    registeredDaysAgo: 1200,
    idChecks: [
      { checkedDaysAgo: 1150, method: 'in_person', document_type: 'drivers_license', result: 'passed' },
      { checkedDaysAgo: 60, method: 'in_person', document_type: 'my_number_card', result: 'passed', notes: '有効期限前の更新確認。' },
    ],
  },
  {
    key: 'yamamoto', name: '山本 恵理', name_kana: 'ヤマモト エリ', email: 'eri.yamamoto@example.org', phone: '080-2263-9841',
    municipality_code: '141003', service_municipality_codes: ['141003', '131091'],
    languages: ['ja', 'pt', 'es'], in_person_ok: true, online_ok: true,
    task_types: ['ward_office', 'hospital', 'real_estate', 'utilities_setup'],
    availability: [slot(1, '09:00', '12:00'), slot(6, '09:00', '12:00')],
    monthly_limit: 2, status: 'active', ofp_registered: true, notes: 'サンパウロ出身の日系家族と交流が長い。',
    registeredDaysAgo: 210, idChecks: [{ checkedDaysAgo: 150, method: 'video_call', document_type: 'my_number_card', result: 'passed' }],
  },
  {
    key: 'nakamura', name: '中村 大輔', name_kana: 'ナカムラ ダイスケ', email: 'daisuke.nakamura@example.com', phone: '070-8852-3364',
    municipality_code: '131202', service_municipality_codes: ['131202', '132047', '131041'],
    languages: ['ja', 'my', 'en'], in_person_ok: true, online_ok: true,
    task_types: ['real_estate', 'ward_office', 'utilities_setup'],
    availability: [slot(4, '09:00', '16:00'), slot(6, '09:00', '13:00')],
    monthly_limit: 3, status: 'active', ofp_registered: true,
    registeredDaysAgo: 450, idChecks: [{ checkedDaysAgo: 380, method: 'in_person', document_type: 'health_insurance_card', result: 'passed', notes: '補助書類として公共料金の領収書を確認。' }],
  },
  {
    key: 'kobayashi', name: '小林 真由美', name_kana: 'コバヤシ マユミ', email: 'mayumi.kobayashi@example.org', phone: '090-1936-4470',
    municipality_code: '132047', service_municipality_codes: ['132047', '131121', '131130'],
    languages: ['ja', 'ko', 'en'], in_person_ok: true, online_ok: true,
    task_types: ['school_meeting', 'child_health_checkup', 'hospital', 'daycare_application'],
    availability: [slot(1, '13:00', '17:30'), slot(4, '13:00', '17:30')],
    monthly_limit: 2, status: 'active', ofp_registered: true, notes: '元小学校教員。',
    registeredDaysAgo: 380, idChecks: [{ checkedDaysAgo: 260, method: 'in_person', document_type: 'my_number_card', result: 'passed' }],
  },
  {
    key: 'kato', name: '加藤 隆', name_kana: 'カトウ タカシ', email: 'takashi.kato@example.com', phone: '080-6607-2138',
    municipality_code: '132047', service_municipality_codes: ['132047'],
    languages: ['ja', 'ps', 'fa', 'en'], in_person_ok: false, online_ok: true,
    task_types: ['ward_office', 'other'],
    availability: [slot(2, '10:00', '12:00'), slot(5, '15:00', '18:00')],
    monthly_limit: 2, status: 'active', ofp_registered: true, notes: 'オンライン対応のみ。国際協力機関の元職員。',
    registeredDaysAgo: 40, idChecks: [{ checkedDaysAgo: 25, method: 'video_call', document_type: 'passport', result: 'passed' }],
  },
  {
    key: 'yoshida', name: '吉田 彩', name_kana: 'ヨシダ アヤ', email: 'aya.yoshida@example.org', phone: '070-2290-6615',
    municipality_code: '141003', service_municipality_codes: ['141003', '131091'],
    languages: ['ja', 'uk', 'ru'], in_person_ok: true, online_ok: true,
    task_types: ['ward_office', 'hospital', 'utilities_setup'],
    availability: [slot(2, '09:00', '16:00'), slot(5, '09:00', '16:00')],
    monthly_limit: 3, status: 'active', ofp_registered: true, notes: '本人確認の更新時期が近い。',
    registeredDaysAgo: 1100, idChecks: [{ checkedDaysAgo: 1070, method: 'in_person', document_type: 'drivers_license', result: 'passed' }],
  },
  {
    key: 'mori', name: '森 裕子', name_kana: 'モリ ユウコ', email: 'yuko.mori@example.com', phone: '080-3375-4409',
    municipality_code: '131121', service_municipality_codes: ['131121', '131105'],
    languages: ['ja', 'zh', 'en'], in_person_ok: true, online_ok: false,
    task_types: ['hospital', 'child_health_checkup', 'daycare_application'],
    availability: [slot(4, '13:00', '17:00')],
    monthly_limit: 2, status: 'active', ofp_registered: true,
    registeredDaysAgo: 1080, idChecks: [{ checkedDaysAgo: 1045, method: 'in_person', document_type: 'my_number_card', result: 'passed' }],
  },
  {
    key: 'sasaki', name: '佐々木 亮', name_kana: 'ササキ リョウ', email: 'ryo.sasaki@example.org', phone: '090-8824-1056',
    municipality_code: '131202', service_municipality_codes: ['131202'],
    languages: ['ja', 'vi'], in_person_ok: true, online_ok: false,
    task_types: ['ward_office', 'utilities_setup'],
    availability: [slot(6, '09:00', '17:00')],
    monthly_limit: 2, status: 'active', ofp_registered: true, notes: '本人確認の期限切れ。再確認の日程を調整中。',
    registeredDaysAgo: 1200, idChecks: [{ checkedDaysAgo: 1160, method: 'in_person', document_type: 'drivers_license', result: 'passed' }],
  },
  {
    key: 'matsumoto', name: '松本 千尋', name_kana: 'マツモト チヒロ', email: 'chihiro.matsumoto@example.com', phone: '070-4463-8827',
    municipality_code: '131130', service_municipality_codes: ['131130', '131032'],
    languages: ['ja', 'ne', 'en'], in_person_ok: true, online_ok: true,
    task_types: ['hospital', 'school_meeting'],
    availability: [slot(3, '10:00', '15:00')],
    monthly_limit: 2, status: 'active', ofp_registered: true,
    registeredDaysAgo: 60,
    idChecks: [{ checkedDaysAgo: 40, method: 'video_call', document_type: 'other', result: 'failed', notes: '顔写真付きの書類が確認できなかったため、対面で再確認予定。' }],
  },
  {
    key: 'inoue', name: '井上 智子', name_kana: 'イノウエ トモコ', email: 'tomoko.inoue@example.org', phone: '080-9917-3352',
    municipality_code: '131032', service_municipality_codes: ['131032', '131091'],
    languages: ['ja', 'ko', 'en'], in_person_ok: true, online_ok: true,
    task_types: ['ward_office', 'daycare_application', 'school_meeting'],
    availability: [slot(2, '13:00', '18:00'), slot(4, '13:00', '18:00')],
    monthly_limit: 3, status: 'active', ofp_registered: false, notes: '新規登録。本人確認は来週実施予定。',
    registeredDaysAgo: 10, idChecks: [],
  },
  {
    key: 'kimura', name: '木村 浩', name_kana: 'キムラ ヒロシ', email: 'hiroshi.kimura@example.com', phone: '090-5528-0734',
    municipality_code: '141003', service_municipality_codes: ['141003'],
    languages: ['ja', 'pt'], in_person_ok: true, online_ok: false,
    task_types: ['ward_office', 'real_estate'],
    availability: [slot(6, '10:00', '16:00')],
    monthly_limit: 2, status: 'paused', ofp_registered: true, notes: '家庭の事情で活動休止中（来春再開予定）。',
    registeredDaysAgo: 700, idChecks: [{ checkedDaysAgo: 480, method: 'in_person', document_type: 'drivers_license', result: 'passed' }],
  },
  {
    key: 'hayashi', name: '林 美穂', name_kana: 'ハヤシ ミホ', email: 'miho.hayashi@example.org', phone: '070-1184-6290',
    municipality_code: '131091', service_municipality_codes: ['131091'],
    languages: ['ja', 'en', 'es'], in_person_ok: true, online_ok: true,
    task_types: ['hospital', 'ward_office'],
    availability: [],
    monthly_limit: 2, status: 'retired', ofp_registered: true, notes: '転勤のため登録終了。',
    registeredDaysAgo: 1000, idChecks: [{ checkedDaysAgo: 700, method: 'in_person', document_type: 'passport', result: 'passed' }],
  },
];

const settledCash = (days = 0) => ({ days, method: 'cash' as const });
const settledBank = (days: number) => ({ days, method: 'bank_transfer' as const });

export const REQUESTS: DemoRequest[] = [
  {
    key: 'olena-hospital', client: 'olena', channel: 'partner', receivedDaysAgo: 88, receivedTime: '10:20',
    category: 'medical', task_type: 'hospital', mode: 'in_person', language: 'uk', municipality_code: '131105',
    place: '目黒区内の総合病院（内科外来）',
    description: '高血圧の定期受診。問診票の記入と、医師の説明（薬の変更）の通訳をお願いしたい。',
    slot: { day: -78, time: '09:30', minutes: 120 }, coordinator: 'coordinator', status: 'closed', volunteer: 'sato',
    contacts: [
      { after: 'received', minutes: 5, kind: 'note', party: 'partner', body: 'ひだまり難民支援ネットワーク村上さんより紹介。本人の同意取得済み。' },
      { after: 'checking', minutes: 30, kind: 'call', party: 'resident', body: '本人に受診日と病院名を確認。通訳はウクライナ語希望。' },
      { after: 'matching', minutes: 45, kind: 'call', party: 'volunteer', body: '佐藤さんに依頼。当日対応可とのこと。' },
    ],
    report: {
      startDelta: 0, endDelta: 20, outcome: 'resolved',
      summary: '受付・問診票記入・診察に同行。薬が1種類変更になったことを本人と確認し、服用方法をメモにして渡した。',
    },
    expenses: [{ kind: 'transport', amount_yen: 420, settled: settledCash() }],
  },
  {
    key: 'lan-daycare', client: 'lan', channel: 'phone', receivedDaysAgo: 84, receivedTime: '14:05',
    category: 'education', task_type: 'daycare_application', mode: 'in_person', language: 'vi', municipality_code: '131202',
    place: '練馬区役所 保育課窓口',
    description: '来年4月入園の保育園申込書類の記入を手伝ってほしい。就労証明書の書き方もわからない。',
    slot: { day: -74, time: '13:00', minutes: 150 }, coordinator: 'coordinator2', status: 'closed', volunteer: 'suzuki',
    contacts: [
      { after: 'checking', minutes: 20, kind: 'call', party: 'resident', body: '必要書類（就労証明書・課税証明書）を当日持参するよう案内。' },
    ],
    report: {
      startDelta: -5, endDelta: 0, outcome: 'resolved',
      summary: '申込書と就労証明書の記入を補助し、窓口で提出まで同行。希望園は第5希望まで記入。',
    },
    expenses: [
      { kind: 'transport', amount_yen: 360, settled: settledBank(4) },
      { kind: 'transfer_fee', amount_yen: 110, settled: settledBank(4) },
    ],
  },
  {
    key: 'ahmad-ward', client: 'ahmad', channel: 'partner', receivedDaysAgo: 80, receivedTime: '11:00',
    category: 'administrative', task_type: 'ward_office', mode: 'in_person', language: 'fa', municipality_code: '131041',
    place: '新宿区役所 本庁舎',
    description: '転入届と国民健康保険の加入手続きに同行してほしい。',
    slot: { day: -70, time: '10:00', minutes: 180 }, coordinator: 'coordinator', status: 'closed', volunteer: 'tanaka',
    contacts: [
      { after: 'received', minutes: 10, kind: 'email', party: 'partner', body: '紹介元から在留カードの写しは不要と回答（本人が持参）。' },
      { after: 'matching', minutes: 60, kind: 'call', party: 'volunteer', body: '田中さんに依頼。3時間枠で了承。' },
    ],
    report: {
      startDelta: 0, endDelta: 15, outcome: 'partly_resolved',
      summary: '転入届と国民健康保険の加入は完了。保険料の減免申請は所得の申告後でないと受け付けられないと説明を受けた。',
      follow_up_needed: true, follow_up_note: '所得の申告後に保険料減免申請への再同行が必要。本人から連絡をもらう。',
      followUpHandled: true,
    },
    expenses: [
      { kind: 'transport', amount_yen: 580, settled: settledBank(5) },
      { kind: 'transfer_fee', amount_yen: 220, settled: settledBank(5) },
    ],
  },
  {
    key: 'iryna-moveout', client: 'iryna', channel: 'phone', receivedDaysAgo: 76, receivedTime: '09:50',
    category: 'housing', task_type: 'real_estate', mode: 'in_person', language: 'uk', municipality_code: '131121',
    place: '世田谷区内の賃貸物件（退去立ち会い）',
    description: '引っ越しに伴う退去立ち会いに同行し、原状回復費用の説明を通訳してほしい。',
    slot: { day: -66, time: '10:00', minutes: 120 }, coordinator: 'coordinator2', status: 'unmatched',
    status_reason: 'ウクライナ語対応のボランティアの都合がつかず、希望日までに調整できなかった。本人は知人の同行で対応。',
    assignments: [
      { volunteer: 'yoshida', status: 'declined', note: '希望日は先約あり。' },
      { volunteer: 'sato', status: 'declined', note: '同日午前は別件のため不可。' },
    ],
    contacts: [{ after: 'unmatched', minutes: 15, kind: 'call', party: 'resident', body: '調整できなかったことを本人に連絡し、お詫びした。' }],
  },
  {
    key: 'maria-utilities', client: 'maria', channel: 'email', receivedDaysAgo: 71, receivedTime: '09:40',
    category: 'lifeline', task_type: 'utilities_setup', mode: 'online', language: 'tl', municipality_code: '131032',
    place: 'オンライン（ビデオ通話）',
    description: '引っ越し先の電気・ガス・インターネットの開通手続きを、電話で一緒にしてほしい。',
    slot: { day: -62, time: '16:00', minutes: 90 }, coordinator: 'coordinator2', status: 'closed', volunteer: 'ito',
    contacts: [{ after: 'checking', minutes: 40, kind: 'email', party: 'resident', body: '新住所と各社のお客様番号を事前に用意するよう依頼。' }],
    report: {
      startDelta: 0, endDelta: -10, outcome: 'resolved',
      summary: 'ビデオ通話で本人と各社に電話し、電気・ガスの開始日とガス開栓の立ち会い日時を確定。インターネットは申込のみ完了。',
    },
  },
  {
    key: 'jihyun-school', client: 'jihyun', channel: 'phone', receivedDaysAgo: 62, receivedTime: '15:30',
    category: 'education', task_type: 'school_meeting', mode: 'in_person', language: 'ko', municipality_code: '132047',
    place: '三鷹市立小学校',
    description: '子どもの担任との個人面談に同席し、通訳してほしい。',
    slot: { day: -53, time: '15:00', minutes: 60 }, coordinator: 'coordinator', status: 'closed', volunteer: 'kobayashi',
    report: {
      startDelta: 0, endDelta: 10, outcome: 'resolved',
      summary: '学習の様子と来学期の行事について通訳。連絡帳の書き方も説明した。',
    },
    expenses: [{ kind: 'transport', amount_yen: 940, settled: settledCash() }],
  },
  {
    key: 'minh-internet', client: 'minh', channel: 'email', receivedDaysAgo: 56, receivedTime: '20:12',
    category: 'lifeline', task_type: 'utilities_setup', mode: 'in_person', language: 'vi', municipality_code: '131041',
    place: '新宿区内の自宅',
    description: 'インターネット回線の工事立ち会いと、契約内容（解約金など）の確認をしてほしい。',
    slot: { day: -46, time: '14:00', minutes: 120 }, coordinator: 'coordinator', status: 'closed', volunteer: 'suzuki',
    report: {
      startDelta: 10, endDelta: 0, outcome: 'resolved',
      summary: '工事に立ち会い、開通を確認。2年契約の解約金について説明し、本人が了解した。',
    },
    expenses: [{ kind: 'transport', amount_yen: 300, settled: settledCash() }],
  },
  {
    key: 'lucas-labour', client: 'lucas', channel: 'phone', receivedDaysAgo: 50, receivedTime: '15:00',
    category: 'other', task_type: 'other', mode: 'in_person', language: 'pt', municipality_code: '141003',
    place: '横浜市内（勤務先近く）',
    description: '勤務先との労働条件のトラブルについて、相談に同行してほしい。',
    slot: { day: -43, time: '10:00', minutes: 120 }, coordinator: 'coordinator2', status: 'rejected',
    status_reason: '一般枠の受付開始前であり、労働問題は本サービスの対象外。外国人労働者向けの相談窓口を案内した。',
    contacts: [{ after: 'rejected', minutes: 20, kind: 'call', party: 'resident', body: '対象外である旨と、ポルトガル語対応の労働相談窓口を案内。' }],
  },
  {
    key: 'andriy-ward', client: 'andriy', channel: 'email', receivedDaysAgo: 47, receivedTime: '08:55',
    category: 'administrative', task_type: 'ward_office', mode: 'in_person', language: 'uk', municipality_code: '141003',
    place: '横浜市 港北区役所',
    description: '在留期間更新に必要な課税証明書と納税証明書を取得したい。窓口での申請に同行してほしい。',
    slot: { day: -37, time: '10:00', minutes: 120 }, coordinator: 'coordinator', status: 'closed', volunteer: 'yoshida',
    report: {
      startDelta: 0, endDelta: -30, outcome: 'resolved',
      summary: '課税証明書・納税証明書を取得。入管への提出書類の一覧を一緒に確認した。',
    },
    expenses: [
      { kind: 'transport', amount_yen: 780, settled: settledBank(3) },
      { kind: 'transfer_fee', amount_yen: 165, settled: settledBank(3) },
    ],
  },
  {
    key: 'sita-checkup', client: 'sita', channel: 'phone', receivedDaysAgo: 41, receivedTime: '10:10',
    category: 'medical', task_type: 'child_health_checkup', mode: 'in_person', language: 'ne', municipality_code: '131121',
    place: '世田谷区 保健センター',
    description: '1歳6か月児健診に付き添い、問診票の記入と保健師の説明を通訳してほしい。',
    slot: { day: -31, time: '09:30', minutes: 150 }, coordinator: 'coordinator2', status: 'done', volunteer: 'takahashi',
    contacts: [{ after: 'confirmed', minutes: 10, kind: 'call', party: 'resident', body: '母子健康手帳と問診票を持参するよう伝えた。' }],
    report: {
      startDelta: 0, endDelta: 0, outcome: 'resolved',
      summary: '身体測定・内科・歯科健診に同行。発達に問題はなし。歯科で経過観察を勧められた。',
      follow_up_needed: true, follow_up_note: '歯科の再受診の予約が必要。予約日が決まり次第、同行依頼が来る見込み。',
    },
    expenses: [{ kind: 'transport', amount_yen: 360, settled: null }],
  },
  {
    key: 'aung-housing', client: 'aung', channel: 'partner', receivedDaysAgo: 31, receivedTime: '13:20',
    category: 'housing', task_type: 'real_estate', mode: 'in_person', language: 'my', municipality_code: '131202',
    place: '練馬区内の不動産会社',
    description: '部屋探しのため不動産会社での相談に同行してほしい。保証会社の審査の説明がわからない。',
    slot: { day: -20, time: '11:00', minutes: 120 }, coordinator: 'coordinator', status: 'done', volunteer: 'nakamura',
    contacts: [{ after: 'done', minutes: 90, kind: 'email', party: 'partner', body: '紹介元に活動結果を報告（本人同意済み）。' }],
    report: {
      startDelta: 0, endDelta: 15, outcome: 'partly_resolved',
      summary: '物件3件の条件を確認し、保証会社の審査書類を説明。緊急連絡先の確保が課題として残った。',
    },
    expenses: [{ kind: 'transport', amount_yen: 480, settled: settledCash() }],
  },
  {
    key: 'minh-dentist', client: 'minh', channel: 'phone', receivedDaysAgo: 28, receivedTime: '10:45',
    category: 'medical', task_type: 'hospital', mode: 'in_person', language: 'vi', municipality_code: '131041',
    place: '新宿区内の歯科医院',
    description: '歯科の治療計画と費用の説明を通訳してほしい。',
    slot: { day: -14, time: '14:00', minutes: 90 }, coordinator: 'coordinator2', status: 'cancelled',
    path: ['received', 'checking', 'matching', 'confirmed', 'cancelled'],
    status_reason: '本人の体調不良により受診日を延期。改めて依頼があれば新規に受け付ける。',
    assignments: [{ volunteer: 'suzuki', status: 'cancelled', note: '依頼の取消に伴い取消。', wasConfirmed: true }],
    contacts: [{ after: 'cancelled', minutes: 10, kind: 'call', party: 'volunteer', body: '鈴木さんに取消を連絡。' }],
  },
  {
    key: 'wang-allowance', client: 'wang', channel: 'partner', receivedDaysAgo: 21, receivedTime: '16:45',
    category: 'welfare', task_type: 'ward_office', mode: 'in_person', language: 'zh', municipality_code: '131041',
    place: '新宿区役所 子ども家庭課',
    description: '児童手当の申請手続きに同行してほしい。',
    slot: { day: -9, time: '14:00', minutes: 120 }, coordinator: 'coordinator2', status: 'done', volunteer: 'watanabe',
    report: {
      startDelta: 0, endDelta: -20, outcome: 'resolved',
      summary: '児童手当の認定請求書を記入・提出。振込口座の届出も完了。',
    },
    expenses: [
      { kind: 'transport', amount_yen: 320, settled: null },
      { kind: 'transfer_fee', amount_yen: 110, settled: null, note: '振込で精算予定。' },
    ],
  },
  {
    key: 'ahmad-insurance', client: 'ahmad', channel: 'phone', receivedDaysAgo: 12, receivedTime: '10:30',
    category: 'welfare', task_type: 'ward_office', mode: 'in_person', language: 'fa', municipality_code: '131041',
    place: '新宿区役所 保険年金課',
    description: '国民健康保険料の減免申請に同行してほしい（前回の手続きの続き）。',
    slot: { day: 8, time: '10:00', minutes: 120 }, coordinator: 'coordinator', status: 'matching', followUpOf: 'ahmad-ward',
    assignments: [{ volunteer: 'tanaka', status: 'contacted', note: '前回担当。返事待ち。' }],
    contacts: [{ after: 'matching', minutes: 30, kind: 'call', party: 'volunteer', body: '田中さんに留守電。折り返し待ち。' }],
  },
  {
    key: 'olena-eye', client: 'olena', channel: 'phone', receivedDaysAgo: 10, receivedTime: '10:00',
    category: 'medical', task_type: 'hospital', mode: 'in_person', language: 'uk', municipality_code: '131105',
    place: '目黒区内の眼科クリニック',
    description: '視力が落ちたので眼科を受診したい。受付と診察時の通訳をお願いしたい。',
    slot: { day: 4, time: '10:30', minutes: 120 }, coordinator: 'coordinator', status: 'confirmed', volunteer: 'sato',
    contacts: [{ after: 'confirmed', minutes: 15, kind: 'call', party: 'resident', body: '日時と待ち合わせ場所（クリニック前）を連絡。' }],
  },
  {
    key: 'maria-pension', client: 'maria', channel: 'email', receivedDaysAgo: 8, receivedTime: '09:15',
    category: 'welfare', task_type: 'ward_office', mode: 'in_person', language: 'tl', municipality_code: '131032',
    place: '港区役所 国保年金課',
    description: '国民年金の保険料免除申請書の記入と提出に同行してほしい。',
    slot: { day: 6, time: '10:00', minutes: 120 }, coordinator: 'coordinator2', status: 'confirmed', volunteer: 'ito',
  },
  {
    key: 'jihyun-dentist', client: 'jihyun', channel: 'phone', receivedDaysAgo: 6, receivedTime: '11:40',
    category: 'medical', task_type: 'hospital', mode: 'in_person', language: 'ko', municipality_code: '132047',
    place: '三鷹市内の歯科医院',
    description: '子どもの歯科治療の説明を一緒に聞いてほしい。',
    slot: { day: 9, time: '10:00', minutes: 90 }, coordinator: 'coordinator', status: 'matching',
    assignments: [{ volunteer: 'kobayashi', status: 'declined', note: '午前は不可。' }],
    contacts: [{ after: 'matching', minutes: 90, kind: 'note', party: null, body: '韓国語対応のボランティアを追加で探す。午後への変更も本人に打診予定。' }],
  },
  {
    key: 'lan-school', client: 'lan', channel: 'phone', receivedDaysAgo: 5, receivedTime: '14:00',
    category: 'education', task_type: 'school_meeting', mode: 'in_person', language: 'vi', municipality_code: '131202',
    place: '練馬区立小学校',
    description: '就学前の学校説明会の内容を確認し、学校との面談に同行してほしい。',
    slot: { day: 12, time: '15:30', minutes: 60 }, coordinator: 'coordinator2', status: 'matching',
    assignments: [{ volunteer: 'suzuki', status: 'proposed' }],
  },
  {
    key: 'emily-lease', client: 'emily', channel: 'web_form', receivedDaysAgo: 3, receivedTime: '21:40',
    category: 'housing', task_type: 'real_estate', mode: 'in_person', language: 'en', municipality_code: '131130',
    place: '渋谷区内の不動産会社',
    description: '賃貸契約の更新書類の内容（更新料・保証会社）を説明してほしい。',
    slot: { day: 10, time: '11:00', minutes: 90 }, coordinator: 'coordinator2', status: 'checking',
    contacts: [{ after: 'checking', minutes: 30, kind: 'note', party: null, body: '一般枠の利用者。現在の受付方針（会員・紹介のみ）で受けられるか確認中。' }],
  },
  {
    key: 'andriy-gas', client: 'andriy', channel: 'email', receivedDaysAgo: 2, receivedTime: '09:05',
    category: 'lifeline', task_type: 'utilities_setup', mode: 'online', language: 'uk', municipality_code: '141003',
    place: 'オンライン（電話）',
    description: 'ガス料金の請求内容がわからないので、ガス会社への問い合わせを手伝ってほしい。',
    slot: { day: 7, time: '17:00', minutes: 60 }, coordinator: 'coordinator', status: 'checking',
  },
  {
    key: 'bishnu-tax', client: 'bishnu', channel: 'phone', receivedDaysAgo: 1, receivedTime: '10:15',
    category: 'administrative', task_type: 'ward_office', mode: 'in_person', language: 'ne', municipality_code: '131105',
    place: '目黒区役所 税務課', slot: null, coordinator: 'coordinator', status: 'received',
    description: '住民税の通知書の内容がわからない。区役所で説明を聞くのに同行してほしい。',
  },
  {
    key: 'webform-clinic', client: null, channel: 'web_form', receivedDaysAgo: 1, receivedTime: '22:30',
    category: 'medical', task_type: 'hospital', mode: 'in_person', language: 'en', municipality_code: '131091',
    place: '品川区内の内科クリニック（未定）', slot: null, coordinator: 'coordinator2', status: 'received',
    description: '2週間ほど腹痛が続いており内科を受診したい。症状の説明を手伝ってほしい（フォームは英語で記入）。',
    intake: {
      lang: 'en', name: 'Arjun Shrestha', phone: '070-3318-4526', email: 'arjun.shrestha@example.com',
      contact_language: 'en', partner_name: 'あさひ日本語学院',
      preferred_slots: [{ day: 5, time: '10:00', minutes: 120 }, { day: 6, time: '14:00', minutes: 120 }],
      description: 'I have had stomach pain for about two weeks. I want to see a doctor but cannot explain my symptoms in Japanese.',
    },
  },
];
