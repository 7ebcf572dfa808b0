/**
 * A small labelled corpus written for these tests (not from any published corpus): news-style
 * sentences with people, organisations, places and events, in CoNLL form.
 */
const PEOPLE = ['سليم العابد', 'نادية الخطيب', 'مراد الزين', 'هالة الصافي', 'طارق البناء', 'لمياء القاسم'];
const PLACES = ['طرابلس', 'وهران', 'صفاقس', 'أكادير', 'المنامة', 'إربد'];
const ORGS = ['شركة النخيل', 'بنك الواحة', 'وكالة الأنباء'];
const EVENTS = ['مهرجان الربيع', 'معرض الكتاب'];

function conllOf(tokens: Array<[string, string]>): string {
  return tokens.map(([t, tag]) => `${t} ${tag}`).join('\n');
}

function entity(text: string, label: string): Array<[string, string]> {
  return text.split(' ').map((w, i) => [w, `${i === 0 ? 'B' : 'I'}-${label}`]);
}

const words = (text: string): Array<[string, string]> => text.split(' ').map((w) => [w, 'O']);

/** Sentence n of the corpus: a person said something in a place about an organisation or event. */
export function sentence(n: number): string {
  const person = PEOPLE[n % PEOPLE.length] as string;
  const place = PLACES[(n * 5 + 1) % PLACES.length] as string;
  const org = ORGS[n % ORGS.length] as string;
  const event = EVENTS[n % EVENTS.length] as string;
  const forms = [
    [
      ...words('قال'),
      ...entity(person, 'PERS'),
      ...words('في'),
      ...entity(place, 'LOC'),
      ...words('إن'),
      ...entity(org, 'ORG'),
      ...words('ستشارك في'),
      ...entity(event, 'MISC'),
      ['.', 'O'],
    ],
    [...words('وصل'), ...entity(person, 'PERS'), ...words('إلى'), ...entity(place, 'LOC'), ...words('لحضور'), ...entity(event, 'MISC'), ['.', 'O']],
    [...words('أعلنت'), ...entity(org, 'ORG'), ...words('أن مديرها'), ...entity(person, 'PERS'), ...words('سيزور'), ...entity(place, 'LOC'), ['.', 'O']],
  ] as Array<Array<[string, string]>>;
  return conllOf(forms[n % forms.length] as Array<[string, string]>);
}

export function corpus(from: number, to: number): string {
  const out: string[] = [];
  for (let n = from; n < to; n++) out.push(sentence(n));
  return out.join('\n\n') + '\n';
}
