import { strict as assert } from 'node:assert';
import { gregorianToHijri, hijriToGregorian } from '../../../src/core/recognize/hijri';
import { found } from './helpers';

const doc = { documentDate: '2023-01-18' }; // a Wednesday

describe('dates', () => {
  it('reads day month year in every month family, paired names included', () => {
    assert.deepEqual(found('وقعت في 24 نوفمبر/ تشرين الثاني 2021، التعاون', 'DATE'), [['24 نوفمبر/ تشرين الثاني 2021', '2021-11-24']]);
    assert.deepEqual(found('في 3 شباط 2020 و4 حزيران 2021', 'DATE'), [
      ['3 شباط 2020', '2020-02-03'],
      ['4 حزيران 2021', '2021-06-04'],
    ]);
    assert.deepEqual(found('في 13 شتنبر 2022 و5 دجنبر 2022', 'DATE'), [
      ['13 شتنبر 2022', '2022-09-13'],
      ['5 دجنبر 2022', '2022-12-05'],
    ]);
    assert.deepEqual(found('في 18 جويلية 2022', 'DATE'), [['18 جويلية 2022', '2022-07-18']]);
    assert.deepEqual(found('كانون الثاني (يناير) 2023', 'DATE'), [['كانون الثاني (يناير) 2023', '2023-01']]);
  });

  it('reads Arabic-Indic and Persian digits', () => {
    assert.deepEqual(found('في ١ يونيو ٢٠٢٤', 'DATE'), [['١ يونيو ٢٠٢٤', '2024-06-01']]);
    assert.deepEqual(found('يوم ۱۴ مارس ۲۰۲۴', 'DATE'), [['يوم ۱۴ مارس ۲۰۲۴', '2024-03-14']]);
  });

  it('reads numeric dates day first with / - and .', () => {
    assert.deepEqual(found('في 10/9/2024 وفي 13-05-2023 وفي 13.05.2023', 'DATE'), [
      ['10/9/2024', '2024-09-10'],
      ['13-05-2023', '2023-05-13'],
      ['13.05.2023', '2023-05-13'],
    ]);
    assert.deepEqual(found('الرقم 10/9/2024/5 ليس تاريخا', 'DATE'), []);
    assert.deepEqual(found('في 2023-01-18', 'DATE'), [['2023-01-18', '2023-01-18']]);
  });

  it('reads ordinal day words', () => {
    assert.deepEqual(found('في السادس من يناير 2023', 'DATE'), [['السادس من يناير 2023', '2023-01-06']]);
    assert.deepEqual(found('في الحادي والثلاثين من ديسمبر 2022', 'DATE'), [['الحادي والثلاثين من ديسمبر 2022', '2022-12-31']]);
    assert.deepEqual(found('حتى الثاني عشر من مارس 2020', 'DATE'), [['الثاني عشر من مارس 2020', '2020-03-12']]);
    assert.deepEqual(found('منذ فاتح يناير', 'DATE', doc), [['فاتح يناير', '2023-01-01']]);
  });

  it('reads ranges as one span', () => {
    assert.deepEqual(found('المنعقد يومي 16 و17 يناير/ كانون الثاني الجاري بنادي', 'DATE', doc), [['يومي 16 و17 يناير/ كانون الثاني الجاري', '2023-01-16/2023-01-17']]);
    assert.deepEqual(found('المنعقد يومي 16 و17 يناير', 'DATE'), [['يومي 16 و17 يناير', 'XXXX-01-16/XXXX-01-17']]);
    assert.deepEqual(found('تستمر من 5 إلى 8 مارس 2023', 'DATE'), [['من 5 إلى 8 مارس 2023', '2023-03-05/2023-03-08']]);
    assert.deepEqual(found('من 30 ديسمبر إلى 2 يناير 2023', 'DATE'), [['من 30 ديسمبر إلى 2 يناير 2023', '2022-12-30/2023-01-02']]);
  });

  it('reads weekdays alone and with a date', () => {
    assert.deepEqual(found('وكشفت القيادة، الثلاثاء، أنه', 'DATE', doc), [['الثلاثاء', '2023-01-17']]);
    assert.deepEqual(found('وكشفت القيادة، الثلاثاء، أنه', 'DATE'), [['الثلاثاء', 'XXXX-WXX-2']]);
    assert.deepEqual(found('الأحد المقبل', 'DATE', doc), [['الأحد المقبل', '2023-01-22']]);
    assert.deepEqual(found('الأحد الماضي', 'DATE', doc), [['الأحد الماضي', '2023-01-15']]);
    assert.deepEqual(found('يوم الثلاثاء 17 يناير 2023', 'DATE'), [['يوم الثلاثاء 17 يناير 2023', '2023-01-17']]);
    assert.deepEqual(found('أمس الثلاثاء', 'DATE', doc), [['أمس الثلاثاء', '2023-01-17']]);
  });

  it('resolves relative expressions against the document date, else leaves X', () => {
    const cases: Array<[string, string, string]> = [
      ['أمس', '2023-01-17', 'XXXX-XX-XX'],
      ['اليوم', '2023-01-18', 'XXXX-XX-XX'],
      ['غدا', '2023-01-19', 'XXXX-XX-XX'],
      ['الشهر الماضي', '2022-12', 'XXXX-XX'],
      ['العام المقبل', '2024', 'XXXX'],
      ['الأسبوع الجاري', '2023-W03', 'XXXX-WXX'],
      ['نهاية العام', '2023', 'XXXX'],
      ['13 سبتمبر/ أيلول الماضي', '2022-09-13', 'XXXX-09-13'],
      ['مارس المقبل', '2023-03', 'XXXX-03'],
    ];
    for (const [text, withDoc, without] of cases) {
      assert.deepEqual(found(`قال ${text} إن`, 'DATE', doc), [[text, withDoc]], text);
      assert.deepEqual(found(`قال ${text} إن`, 'DATE'), [[text, without]], text);
    }
  });

  it('reads years, decades and centuries', () => {
    assert.deepEqual(found('في نهاية العام 2020، يسير', 'DATE'), [['نهاية العام 2020', '2020']]);
    assert.deepEqual(found('منذ عام 2020 وحتى 2022م', 'DATE'), [
      ['عام 2020', '2020'],
      ['2022م', '2022'],
    ]);
    assert.deepEqual(found('في 2019 بسبب', 'DATE'), [['2019', '2019']]);
    assert.deepEqual(found('في 2000 موقع', 'DATE'), []);
    assert.deepEqual(found('منذ الثمانينيات', 'DATE'), [['الثمانينيات', '198']]);
    assert.deepEqual(found('في تسعينيات القرن الماضي', 'DATE', doc), [['تسعينيات القرن الماضي', '199']]);
    assert.deepEqual(found('في القرن التاسع عشر', 'DATE'), [['القرن التاسع عشر', '18']]);
  });

  it('does not read month names that are common words without a date around them', () => {
    assert.deepEqual(found('مارس الضغط على الحكومة', 'DATE'), []);
    assert.deepEqual(found('في مارس', 'DATE', doc), [['مارس', '2023-03']]);
    assert.deepEqual(found('اليوم الأول من المؤتمر', 'DATE', doc), []);
  });

  it('reads times of day', () => {
    assert.deepEqual(found('في الساعة العاشرة صباحاً', 'TIME'), [['الساعة العاشرة صباحاً', 'T10:00']]);
    assert.deepEqual(found('عند 10:30', 'TIME'), [['10:30', 'T10:30']]);
    assert.deepEqual(found('الساعة الثالثة والنصف مساء', 'TIME'), [['الساعة الثالثة والنصف مساء', 'T15:30']]);
    assert.deepEqual(found('الساعة 9:45 مساء', 'TIME'), [['الساعة 9:45 مساء', 'T21:45']]);
  });
});

describe('Hijri dates (Umm al-Qura through ICU)', () => {
  it('converts both ways', () => {
    assert.deepEqual(hijriToGregorian({ year: 1444, month: 9, day: 1 }), { year: 2023, month: 3, day: 23 });
    assert.deepEqual(gregorianToHijri({ year: 2023, month: 3, day: 23 }), { year: 1444, month: 9, day: 1 });
    assert.deepEqual(hijriToGregorian({ year: 1445, month: 12, day: 9 }), { year: 2024, month: 6, day: 15 });
  });

  it('round-trips the first day of every month over three centuries', () => {
    for (let y = 1350; y < 1500; y += 11) {
      for (let m = 1; m <= 12; m++) {
        const g = hijriToGregorian({ year: y, month: m, day: 1 });
        assert.ok(g, `${y}-${m}`);
        assert.deepEqual(gregorianToHijri(g), { year: y, month: m, day: 1 });
      }
    }
  });

  it('reads Hijri dates with هـ as Gregorian values', () => {
    assert.deepEqual(found('يبدأ 1 رمضان 1444 هـ', 'DATE'), [['1 رمضان 1444 هـ', '2023-03-23']]);
    assert.deepEqual(found('الموافق 10/12/1445 هـ.', 'DATE'), [['10/12/1445 هـ', '2024-06-16']]);
    assert.deepEqual(found('في شهر رمضان 1444هـ', 'DATE'), [['شهر رمضان 1444هـ', '2023-03-23/2023-04-20']]);
    assert.deepEqual(found('وصل رمضان إلى المدينة', 'DATE'), []);
  });
});

describe('times around midnight and in the afternoon', () => {
  it('keeps small night hours and moves afternoon hours', () => {
    assert.deepEqual(found('الساعة الثانية ليلا', 'TIME'), [['الساعة الثانية ليلا', 'T02:00']]);
    assert.deepEqual(found('الساعة الرابعة عصرا', 'TIME'), [['الساعة الرابعة عصرا', 'T16:00']]);
    assert.deepEqual(found('الساعة العاشرة ليلا', 'TIME'), [['الساعة العاشرة ليلا', 'T22:00']]);
  });
});
