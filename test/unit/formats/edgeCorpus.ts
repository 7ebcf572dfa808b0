import type { Annotation } from '../../../src/core/model/annotation';
import type { ExportDocument } from '../../../src/core/formats/formatTypes';

/**
 * The edge corpus: short news-style texts written for these tests, each holding what breaks
 * interchange files: astral characters and flags, ZWNJ, tatweel, harakat, CRLF, U+FEFF inside the
 * text, nested, crossing and same-span tags, notes with line breaks and U+2028, values with
 * spaces, XML specials, U+0085 and U+000B, formula-like cells, one file name in two folders,
 * proclitics, a label outside the set, suggestions and rejections, and an empty text.
 */
export function edgeCorpus(): ExportDocument[] {
  return DOCUMENTS.map(({ path, text, tags }) => {
    const annotations = tags.map((t, i) => at(text, t, i));
    return { path, text, annotations, annotator: 'salma', date: '2023-01-18' };
  });
}

interface Tag {
  readonly quote: string;
  readonly label: string;
  /** Which occurrence of the quote, from 0. */
  readonly nth?: number;
  readonly extra?: Partial<Annotation>;
}

function at(text: string, tag: Tag, i: number): Annotation {
  let from = -1;
  for (let k = 0; k <= (tag.nth ?? 0); k++) {
    from = text.indexOf(tag.quote, from + 1);
    if (from < 0) throw new Error(`no «${tag.quote}» in the edge text`);
  }
  const start = Array.from(text.slice(0, from)).length;
  return { id: `t${i + 1}`, label: tag.label, start, end: start + Array.from(tag.quote).length, text: tag.quote, status: 'accepted', source: 'manual', ...tag.extra };
}

const DOCUMENTS: { path: string; text: string; tags: Tag[] }[] = [
  {
    path: 'edge/astral.txt',
    text: 'رحّب 👍🏽 الوزير بالاتفاق بين 🇲🇦 و🇪🇬 في الرباط 👨‍👩‍👧 أمس.\n',
    tags: [
      { quote: 'الوزير', label: 'PER' },
      { quote: '🇲🇦', label: 'LOC' },
      { quote: '🇪🇬', label: 'LOC' },
      { quote: 'الرباط 👨‍👩‍👧', label: 'MISC' },
      { quote: 'الرباط', label: 'LOC' },
      { quote: 'أمس', label: 'DATE', extra: { value: '2023-01-17' } },
    ],
  },
  {
    path: 'edge/marks.txt',
    text: 'أعلنت وزارةُ الخارجـــية المغربيّة عن مؤتمرٍ في مهرجان‌ها السنوي بطهران يومَ الأحد.',
    tags: [
      { quote: 'وزارةُ الخارجـــية المغربيّة', label: 'ORG' },
      { quote: 'مهرجان‌ها', label: 'MISC' },
      { quote: 'طهران', label: 'LOC' },
      { quote: 'يومَ الأحد', label: 'DATE', extra: { value: 'XXXX-WXX-7' } },
    ],
  },
  {
    path: 'edge/crlf.txt',
    text: 'عاجل:\r\nالأمم المتحدة\r\nتدعو إلى هدنة في غزة\r\n',
    tags: [
      { quote: 'الأمم المتحدة', label: 'ORG' },
      { quote: 'الأمم المتحدة\r\nتدعو', label: 'MISC' },
      { quote: 'غزة\r\n', label: 'LOC' },
      { quote: 'عاجل', label: 'MISC', extra: { note: 'سطر أول\r\nسطر ثان' } },
    ],
  },
  {
    path: 'edge/nesting.txt',
    text: 'قالت منظمة الأمم المتحدة للتربية والعلم والثقافة إن مدينة فاس القديمة تراث عالمي.',
    tags: [
      { quote: 'منظمة الأمم المتحدة للتربية والعلم والثقافة', label: 'ORG' },
      { quote: 'الأمم المتحدة', label: 'ORG' },
      { quote: 'المتحدة للتربية', label: 'MISC' },
      { quote: 'مدينة فاس القديمة', label: 'LOC' },
      { quote: 'مدينة فاس القديمة', label: 'MISC' },
      { quote: 'فاس', label: 'LOC' },
      { quote: 'تراث عالمي', label: 'EVENT' },
    ],
  },
  {
    path: 'edge/notes.txt',
    text: 'التقى رئيس الحكومة بوفد من البنك الدولي يومي 18 و19 يناير.',
    tags: [
      { quote: 'رئيس الحكومة', label: 'PER', extra: { note: 'المنصب لا الاسم\nراجع لاحقا' } },
      { quote: 'البنك الدولي', label: 'ORG', extra: { note: 'فقرة\u2028ثانية\u2029ثالثة\tبعد جدولة' } },
      { quote: '18 و19 يناير', label: 'DATE', extra: { value: 'XXXX-01-18/XXXX-01-19' } },
      { quote: 'يناير', label: 'DATE', extra: { value: 'XXXX-01 approx', note: 'قيمة فيها مسافة' } },
    ],
  },
  {
    path: 'edge/xml.txt',
    text: 'شركة "أ&ب" <للاتصالات> أعلنت أن الأرباح > 5% و< 10% في \'الربع الأول\'.',
    tags: [
      { quote: 'شركة "أ&ب" <للاتصالات>', label: 'ORG', extra: { note: 'اسم فيه <علامات> & "اقتباس"' } },
      { quote: "'الربع الأول'", label: 'DATE', extra: { value: 'XXXX-Q1' } },
    ],
  },
  {
    path: 'edge/controls.txt',
    text: 'بيان\u0085وزارة الصحة\u000bفي عمّان\u000cصباح اليوم\u001cعن لقاح\u2028جديد.',
    tags: [
      { quote: 'وزارة الصحة', label: 'ORG' },
      { quote: 'بيان\u0085وزارة', label: 'MISC' },
      { quote: 'الصحة\u000bفي عمّان', label: 'MISC', extra: { note: 'فيها\u0085فاصل\u000bعمودي' } },
      { quote: 'عمّان', label: 'LOC' },
      { quote: 'صباح اليوم', label: 'TIME', extra: { value: '2023-01-18TMO' } },
      { quote: 'لقاح\u2028جديد', label: 'MISC' },
    ],
  },
  {
    path: 'edge/formula.txt',
    text: '=1+1 ليست معادلة بل عنوان، و-5 درجات في @الرباط، و+20 مشاركا.',
    tags: [
      { quote: '=1+1', label: 'MISC', extra: { note: '=HYPERLINK("http://example.invalid")' } },
      { quote: '-5 درجات', label: 'MISC', extra: { note: "'=already quoted" } },
      { quote: '@الرباط', label: 'LOC' },
      { quote: '+20', label: 'MISC', extra: { value: '+20' } },
    ],
  },
  {
    path: 'a/same.txt',
    text: 'زار الملك مدينة طنجة.',
    tags: [{ quote: 'طنجة', label: 'LOC' }],
  },
  {
    path: 'b/same.txt',
    text: 'افتتح الوزير معرض الكتاب في الدار البيضاء.',
    tags: [
      { quote: 'الوزير', label: 'PER' },
      { quote: 'الدار البيضاء', label: 'LOC' },
    ],
  },
  {
    path: 'edge/proclitics.txt',
    text: 'وبالرباط اجتمع ممثلو وللقوات والمغرب وكالرياض.',
    tags: [
      { quote: 'الرباط', label: 'LOC' },
      { quote: 'لقوات', label: 'ORG' },
      { quote: 'المغرب', label: 'LOC' },
      { quote: 'الرياض', label: 'LOC' },
    ],
  },
  {
    path: 'edge/statuses.txt',
    text: 'قال المتحدث \uFEFFباسم الحكومة في بيروت إن الاجتماع سيعقد غدا.',
    tags: [
      { quote: 'المتحدث', label: 'PER', extra: { status: 'suggested', source: 'rules' } },
      { quote: 'الحكومة', label: 'ORG', extra: { status: 'rejected', source: 'rules', note: 'ليست جهة محددة' } },
      { quote: 'بيروت', label: 'LOC' },
      { quote: 'غدا', label: 'DATE', extra: { status: 'suggested', source: 'rules', value: '2023-01-19' } },
    ],
  },
  {
    path: 'edge/empty.txt',
    text: '',
    tags: [],
  },
];
