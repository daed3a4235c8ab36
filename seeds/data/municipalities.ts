/**
 * Reference data: every municipality of 東京都 (23 特別区, 26 市, 5 町, 8 村) plus the
 * neighbouring cities the NPO also serves.
 *
 * `code` is the 6-digit 全国地方公共団体コード including its check digit (see
 * server/domain/municipality-code.ts); it is joined with public statistics, so it must match
 * the official code exactly. Rows are ordered by code.
 *
 * `in_service_area`: the 23 wards, the 26 Tama cities, 瑞穂町 and 日の出町, and every
 * neighbouring city listed here. 檜原村, 奥多摩町 and the island towns/villages are outside.
 */
export type MunicipalityRow = {
  code: string;
  name_ja: string;
  name_kana: string;
  name_en: string;
  prefecture: string;
  in_service_area: boolean;
};

export const MUNICIPALITIES: readonly MunicipalityRow[] = [
  // 埼玉県
  { code: '111007', name_ja: 'さいたま市', name_kana: 'さいたまし', name_en: 'Saitama', prefecture: '埼玉県', in_service_area: true },
  { code: '112038', name_ja: '川口市', name_kana: 'かわぐちし', name_en: 'Kawaguchi', prefecture: '埼玉県', in_service_area: true },
  { code: '112089', name_ja: '所沢市', name_kana: 'ところざわし', name_en: 'Tokorozawa', prefecture: '埼玉県', in_service_area: true },
  { code: '112216', name_ja: '草加市', name_kana: 'そうかし', name_en: 'Soka', prefecture: '埼玉県', in_service_area: true },
  { code: '112232', name_ja: '蕨市', name_kana: 'わらびし', name_en: 'Warabi', prefecture: '埼玉県', in_service_area: true },
  { code: '112241', name_ja: '戸田市', name_kana: 'とだし', name_en: 'Toda', prefecture: '埼玉県', in_service_area: true },
  { code: '112275', name_ja: '朝霞市', name_kana: 'あさかし', name_en: 'Asaka', prefecture: '埼玉県', in_service_area: true },
  { code: '112291', name_ja: '和光市', name_kana: 'わこうし', name_en: 'Wako', prefecture: '埼玉県', in_service_area: true },
  { code: '112305', name_ja: '新座市', name_kana: 'にいざし', name_en: 'Niiza', prefecture: '埼玉県', in_service_area: true },
  { code: '112348', name_ja: '八潮市', name_kana: 'やしおし', name_en: 'Yashio', prefecture: '埼玉県', in_service_area: true },
  { code: '112372', name_ja: '三郷市', name_kana: 'みさとし', name_en: 'Misato', prefecture: '埼玉県', in_service_area: true },
  // 千葉県
  { code: '121002', name_ja: '千葉市', name_kana: 'ちばし', name_en: 'Chiba', prefecture: '千葉県', in_service_area: true },
  { code: '122033', name_ja: '市川市', name_kana: 'いちかわし', name_en: 'Ichikawa', prefecture: '千葉県', in_service_area: true },
  { code: '122041', name_ja: '船橋市', name_kana: 'ふなばしし', name_en: 'Funabashi', prefecture: '千葉県', in_service_area: true },
  { code: '122076', name_ja: '松戸市', name_kana: 'まつどし', name_en: 'Matsudo', prefecture: '千葉県', in_service_area: true },
  { code: '122271', name_ja: '浦安市', name_kana: 'うらやすし', name_en: 'Urayasu', prefecture: '千葉県', in_service_area: true },
  // 東京都 特別区 (23 wards)
  { code: '131016', name_ja: '千代田区', name_kana: 'ちよだく', name_en: 'Chiyoda', prefecture: '東京都', in_service_area: true },
  { code: '131024', name_ja: '中央区', name_kana: 'ちゅうおうく', name_en: 'Chuo', prefecture: '東京都', in_service_area: true },
  { code: '131032', name_ja: '港区', name_kana: 'みなとく', name_en: 'Minato', prefecture: '東京都', in_service_area: true },
  { code: '131041', name_ja: '新宿区', name_kana: 'しんじゅくく', name_en: 'Shinjuku', prefecture: '東京都', in_service_area: true },
  { code: '131059', name_ja: '文京区', name_kana: 'ぶんきょうく', name_en: 'Bunkyo', prefecture: '東京都', in_service_area: true },
  { code: '131067', name_ja: '台東区', name_kana: 'たいとうく', name_en: 'Taito', prefecture: '東京都', in_service_area: true },
  { code: '131075', name_ja: '墨田区', name_kana: 'すみだく', name_en: 'Sumida', prefecture: '東京都', in_service_area: true },
  { code: '131083', name_ja: '江東区', name_kana: 'こうとうく', name_en: 'Koto', prefecture: '東京都', in_service_area: true },
  { code: '131091', name_ja: '品川区', name_kana: 'しながわく', name_en: 'Shinagawa', prefecture: '東京都', in_service_area: true },
  { code: '131105', name_ja: '目黒区', name_kana: 'めぐろく', name_en: 'Meguro', prefecture: '東京都', in_service_area: true },
  { code: '131113', name_ja: '大田区', name_kana: 'おおたく', name_en: 'Ota', prefecture: '東京都', in_service_area: true },
  { code: '131121', name_ja: '世田谷区', name_kana: 'せたがやく', name_en: 'Setagaya', prefecture: '東京都', in_service_area: true },
  { code: '131130', name_ja: '渋谷区', name_kana: 'しぶやく', name_en: 'Shibuya', prefecture: '東京都', in_service_area: true },
  { code: '131148', name_ja: '中野区', name_kana: 'なかのく', name_en: 'Nakano', prefecture: '東京都', in_service_area: true },
  { code: '131156', name_ja: '杉並区', name_kana: 'すぎなみく', name_en: 'Suginami', prefecture: '東京都', in_service_area: true },
  { code: '131164', name_ja: '豊島区', name_kana: 'としまく', name_en: 'Toshima', prefecture: '東京都', in_service_area: true },
  { code: '131172', name_ja: '北区', name_kana: 'きたく', name_en: 'Kita', prefecture: '東京都', in_service_area: true },
  { code: '131181', name_ja: '荒川区', name_kana: 'あらかわく', name_en: 'Arakawa', prefecture: '東京都', in_service_area: true },
  { code: '131199', name_ja: '板橋区', name_kana: 'いたばしく', name_en: 'Itabashi', prefecture: '東京都', in_service_area: true },
  { code: '131202', name_ja: '練馬区', name_kana: 'ねりまく', name_en: 'Nerima', prefecture: '東京都', in_service_area: true },
  { code: '131211', name_ja: '足立区', name_kana: 'あだちく', name_en: 'Adachi', prefecture: '東京都', in_service_area: true },
  { code: '131229', name_ja: '葛飾区', name_kana: 'かつしかく', name_en: 'Katsushika', prefecture: '東京都', in_service_area: true },
  { code: '131237', name_ja: '江戸川区', name_kana: 'えどがわく', name_en: 'Edogawa', prefecture: '東京都', in_service_area: true },
  // 東京都 市 (26 Tama cities)
  { code: '132012', name_ja: '八王子市', name_kana: 'はちおうじし', name_en: 'Hachioji', prefecture: '東京都', in_service_area: true },
  { code: '132021', name_ja: '立川市', name_kana: 'たちかわし', name_en: 'Tachikawa', prefecture: '東京都', in_service_area: true },
  { code: '132039', name_ja: '武蔵野市', name_kana: 'むさしのし', name_en: 'Musashino', prefecture: '東京都', in_service_area: true },
  { code: '132047', name_ja: '三鷹市', name_kana: 'みたかし', name_en: 'Mitaka', prefecture: '東京都', in_service_area: true },
  { code: '132055', name_ja: '青梅市', name_kana: 'おうめし', name_en: 'Ome', prefecture: '東京都', in_service_area: true },
  { code: '132063', name_ja: '府中市', name_kana: 'ふちゅうし', name_en: 'Fuchu', prefecture: '東京都', in_service_area: true },
  { code: '132071', name_ja: '昭島市', name_kana: 'あきしまし', name_en: 'Akishima', prefecture: '東京都', in_service_area: true },
  { code: '132080', name_ja: '調布市', name_kana: 'ちょうふし', name_en: 'Chofu', prefecture: '東京都', in_service_area: true },
  { code: '132098', name_ja: '町田市', name_kana: 'まちだし', name_en: 'Machida', prefecture: '東京都', in_service_area: true },
  { code: '132101', name_ja: '小金井市', name_kana: 'こがねいし', name_en: 'Koganei', prefecture: '東京都', in_service_area: true },
  { code: '132110', name_ja: '小平市', name_kana: 'こだいらし', name_en: 'Kodaira', prefecture: '東京都', in_service_area: true },
  { code: '132128', name_ja: '日野市', name_kana: 'ひのし', name_en: 'Hino', prefecture: '東京都', in_service_area: true },
  {
    code: '132136',
    name_ja: '東村山市',
    name_kana: 'ひがしむらやまし',
    name_en: 'Higashimurayama',
    prefecture: '東京都',
    in_service_area: true,
  },
  { code: '132144', name_ja: '国分寺市', name_kana: 'こくぶんじし', name_en: 'Kokubunji', prefecture: '東京都', in_service_area: true },
  { code: '132152', name_ja: '国立市', name_kana: 'くにたちし', name_en: 'Kunitachi', prefecture: '東京都', in_service_area: true },
  { code: '132187', name_ja: '福生市', name_kana: 'ふっさし', name_en: 'Fussa', prefecture: '東京都', in_service_area: true },
  { code: '132195', name_ja: '狛江市', name_kana: 'こまえし', name_en: 'Komae', prefecture: '東京都', in_service_area: true },
  {
    code: '132209',
    name_ja: '東大和市',
    name_kana: 'ひがしやまとし',
    name_en: 'Higashiyamato',
    prefecture: '東京都',
    in_service_area: true,
  },
  { code: '132217', name_ja: '清瀬市', name_kana: 'きよせし', name_en: 'Kiyose', prefecture: '東京都', in_service_area: true },
  {
    code: '132225',
    name_ja: '東久留米市',
    name_kana: 'ひがしくるめし',
    name_en: 'Higashikurume',
    prefecture: '東京都',
    in_service_area: true,
  },
  {
    code: '132233',
    name_ja: '武蔵村山市',
    name_kana: 'むさしむらやまし',
    name_en: 'Musashimurayama',
    prefecture: '東京都',
    in_service_area: true,
  },
  { code: '132241', name_ja: '多摩市', name_kana: 'たまし', name_en: 'Tama', prefecture: '東京都', in_service_area: true },
  { code: '132250', name_ja: '稲城市', name_kana: 'いなぎし', name_en: 'Inagi', prefecture: '東京都', in_service_area: true },
  { code: '132276', name_ja: '羽村市', name_kana: 'はむらし', name_en: 'Hamura', prefecture: '東京都', in_service_area: true },
  { code: '132284', name_ja: 'あきる野市', name_kana: 'あきるのし', name_en: 'Akiruno', prefecture: '東京都', in_service_area: true },
  {
    code: '132292',
    name_ja: '西東京市',
    name_kana: 'にしとうきょうし',
    name_en: 'Nishitokyo',
    prefecture: '東京都',
    in_service_area: true,
  },
  // 東京都 西多摩郡 (towns and village)
  { code: '133035', name_ja: '瑞穂町', name_kana: 'みずほまち', name_en: 'Mizuho', prefecture: '東京都', in_service_area: true },
  { code: '133051', name_ja: '日の出町', name_kana: 'ひのでまち', name_en: 'Hinode', prefecture: '東京都', in_service_area: true },
  { code: '133078', name_ja: '檜原村', name_kana: 'ひのはらむら', name_en: 'Hinohara', prefecture: '東京都', in_service_area: false },
  { code: '133086', name_ja: '奥多摩町', name_kana: 'おくたままち', name_en: 'Okutama', prefecture: '東京都', in_service_area: false },
  // 東京都 島嶼部 (island towns and villages)
  { code: '133612', name_ja: '大島町', name_kana: 'おおしままち', name_en: 'Oshima', prefecture: '東京都', in_service_area: false },
  { code: '133621', name_ja: '利島村', name_kana: 'としまむら', name_en: 'Toshima', prefecture: '東京都', in_service_area: false },
  { code: '133639', name_ja: '新島村', name_kana: 'にいじまむら', name_en: 'Niijima', prefecture: '東京都', in_service_area: false },
  { code: '133647', name_ja: '神津島村', name_kana: 'こうづしまむら', name_en: 'Kozushima', prefecture: '東京都', in_service_area: false },
  { code: '133817', name_ja: '三宅村', name_kana: 'みやけむら', name_en: 'Miyake', prefecture: '東京都', in_service_area: false },
  { code: '133825', name_ja: '御蔵島村', name_kana: 'みくらじまむら', name_en: 'Mikurajima', prefecture: '東京都', in_service_area: false },
  { code: '134015', name_ja: '八丈町', name_kana: 'はちじょうまち', name_en: 'Hachijo', prefecture: '東京都', in_service_area: false },
  { code: '134023', name_ja: '青ヶ島村', name_kana: 'あおがしまむら', name_en: 'Aogashima', prefecture: '東京都', in_service_area: false },
  { code: '134210', name_ja: '小笠原村', name_kana: 'おがさわらむら', name_en: 'Ogasawara', prefecture: '東京都', in_service_area: false },
  // 神奈川県
  { code: '141003', name_ja: '横浜市', name_kana: 'よこはまし', name_en: 'Yokohama', prefecture: '神奈川県', in_service_area: true },
  { code: '141305', name_ja: '川崎市', name_kana: 'かわさきし', name_en: 'Kawasaki', prefecture: '神奈川県', in_service_area: true },
  { code: '141500', name_ja: '相模原市', name_kana: 'さがみはらし', name_en: 'Sagamihara', prefecture: '神奈川県', in_service_area: true },
];
