import { strict as assert } from 'node:assert';
import { findDocumentDate } from '../../../src/core/recognize/documentDate';
import { chooseDocumentDate } from '../../../src/core/recognize/recognizeDocument';
import { found, spansOf, temporal } from './helpers';

/**
 * The families of date and time expressions newsrooms write, each on sentences written for these
 * tests in several countries' styles, with and without a publication date (2024-01-18, a Thursday).
 */
const doc = { documentDate: '2024-01-18' };

describe('date families: parts of the year', () => {
  it('reads quarters and halves, with a year, relative, or left open', () => {
    assert.deepEqual(found('نما الاقتصاد في الربع الأول من 2023م بنسبة 3%', 'DATE'), [['الربع الأول من 2023م', '2023-Q1']]);
    assert.deepEqual(found('تحسن في النصف الثاني من العام', 'DATE'), [['النصف الثاني من العام', 'XXXX-H2']]);
    assert.deepEqual(found('تحسن في النصف الثاني من العام', 'DATE', doc), [['النصف الثاني من العام', '2024-H2']]);
    assert.deepEqual(found('تراجع في الربع الأخير من العام الماضي', 'DATE', doc), [['الربع الأخير من العام الماضي', '2023-Q4']]);
    assert.deepEqual(found('ارتفع الإنتاج خلال الفصل الثالث من سنة 2021', 'DATE'), [['الفصل الثالث من سنة 2021', '2021-Q3']]);
    assert.deepEqual(found('في الأشهر الستة الأولى من سنة 2022', 'DATE'), [['الأشهر الستة الأولى من سنة 2022', '2022-H1']]);
    assert.deepEqual(found('سجل الفريق هدفا في النصف الأول من المباراة', 'DATE'), []);
  });

  it('reads seasons written with a year or placed against the publication date', () => {
    assert.deepEqual(found('جرت البطولة صيف 2022 في الدوحة', 'DATE'), [['صيف 2022', '2022-SU']]);
    assert.deepEqual(found('زار روما خريف العام الماضي', 'DATE', doc), [['خريف العام الماضي', '2023-FA']]);
    assert.deepEqual(found('سجلت البلاد أرقاما قياسية الصيف الماضي', 'DATE', { documentDate: '2023-08-20' }), [['الصيف الماضي', '2022-SU']]);
    assert.deepEqual(found('سيكون فصل الشتاء المقبل أكثر برودة', 'DATE', { documentDate: '2023-08-20' }), [['فصل الشتاء المقبل', '2023-WI']]);
    assert.deepEqual(found('احتج الشباب في الربيع العربي', 'DATE'), []);
    assert.deepEqual(found('في 5 ربيع الأول 1445 هـ', 'DATE'), [['5 ربيع الأول 1445 هـ', '2023-09-20']]);
  });

  it('reads position words with the value of their period (the TimeML mod comes from the word)', () => {
    assert.deepEqual(found('في مطلع يناير وأواخر 2020 ومنتصف الشهر المقبل ونهاية العام', 'DATE', doc), [
      ['مطلع يناير', '2024-01'],
      ['أواخر 2020', '2020'],
      ['منتصف الشهر المقبل', '2024-02'],
      ['نهاية العام', '2024'],
    ]);
  });

  it('reads decades and centuries', () => {
    assert.deepEqual(found('انتشر في تسعينيات القرن الماضي', 'DATE', doc), [['تسعينيات القرن الماضي', '199']]);
    assert.deepEqual(found('في القرن الحادي والعشرين', 'DATE'), [['القرن الحادي والعشرين', '20']]);
    assert.deepEqual(found('في العقد الثاني من القرن الحالي', 'DATE', doc), [['العقد الثاني من القرن الحالي', '201']]);
    assert.deepEqual(found('تضاعفت الصادرات خلال العقد الماضي', 'DATE', doc), [['العقد الماضي', 'P10Y']]);
  });

  it('reads fiscal, academic and farming years', () => {
    assert.deepEqual(found('ميزانية السنة المالية 2014-2015', 'DATE'), [['السنة المالية 2014-2015', '2014/2015']]);
    assert.deepEqual(found('يبدأ العام الدراسي 2023/2024 في سبتمبر', 'DATE').slice(0, 1), [['العام الدراسي 2023/2024', '2023/2024']]);
    assert.deepEqual(found('موازنة العام المالي 2024-2025', 'DATE'), [['العام المالي 2024-2025', '2024/2025']]);
    assert.deepEqual(found('الموسم الفلاحي 2022-2023 كان جافا', 'DATE'), [['الموسم الفلاحي 2022-2023', '2022/2023']]);
    assert.deepEqual(found('الموازنة العامة للسنة المالية 2024', 'DATE'), [['لسنة المالية 2024', '2024']]);
    assert.deepEqual(found('يستعد التلاميذ للعام الدراسي المقبل', 'DATE', { documentDate: '2024-06-10' }), [['لعام الدراسي المقبل', '2024/2025']]);
  });
});

describe('date families: ranges', () => {
  it('reads ranges of years and months as one span with a start/end value', () => {
    assert.deepEqual(found('امتدت من 2003 إلى 2010 ثم بين عامي 2003 و2010 وكذلك 2003-2010', 'DATE'), [
      ['من 2003 إلى 2010', '2003/2010'],
      ['بين عامي 2003 و2010', '2003/2010'],
      ['2003-2010', '2003/2010'],
    ]);
    assert.deepEqual(found('تراجع الإنتاج ما بين 2011 و2014 ثم من عام 2016 حتى عام 2019', 'DATE'), [
      ['ما بين 2011 و2014', '2011/2014'],
      ['من عام 2016 حتى عام 2019', '2016/2019'],
    ]);
    assert.deepEqual(found('أزمة وقود من تشرين الثاني 2022 إلى كانون الثاني 2023', 'DATE'), [['من تشرين الثاني 2022 إلى كانون الثاني 2023', '2022-11/2023-01']]);
    assert.deepEqual(found('صفقات تسلم من يناير إلى مارس المقبل', 'DATE', { documentDate: '2023-11-14' }), [['من يناير إلى مارس المقبل', '2024-01/2024-03']]);
    assert.deepEqual(found('في 2023-01-18 صدر القرار', 'DATE'), [['2023-01-18', '2023-01-18']]);
  });

  it('reads ranges and lists of days in every written form', () => {
    assert.deepEqual(found('تقام من 18 إلى 20 يناير ويومي 22 و23 مارس', 'DATE', doc), [
      ['من 18 إلى 20 يناير', '2024-01-18/2024-01-20'],
      ['يومي 22 و23 مارس', '2024-03-22/2024-03-23'],
    ]);
    assert.deepEqual(found('المؤتمر بين 20 و22 أبريل الجاري', 'DATE', { documentDate: '2021-04-12' }), [['بين 20 و22 أبريل الجاري', '2021-04-20/2021-04-22']]);
    assert.deepEqual(found('من 1 يناير حتى 31 مارس 2023', 'DATE'), [['من 1 يناير حتى 31 مارس 2023', '2023-01-01/2023-03-31']]);
    assert.deepEqual(found('يعمل المكتب من الاثنين إلى الجمعة وبين السبت والأحد', 'DATE', doc), [
      ['من الاثنين إلى الجمعة', '2024-01-15/2024-01-19'],
      ['بين السبت والأحد', '2024-01-20/2024-01-21'],
    ]);
    assert.deepEqual(found('امتحانات من 5 إلى 12 جوان 2024', 'DATE'), [['من 5 إلى 12 جوان 2024', '2024-06-05/2024-06-12']]);
  });
});

describe('date families: durations and sets', () => {
  it('reads durations in digits, words, duals and fractions; hours and shorter are TIME', () => {
    assert.deepEqual(temporal('سجن ثلاث سنوات وأمهلته خلال 48 ساعة بعد عقدين من الزمن'), [
      ['DATE', 'ثلاث سنوات', 'P3Y'],
      ['TIME', '48 ساعة', 'PT48H'],
      ['DATE', 'عقدين من الزمن', 'P20Y'],
    ]);
    assert.deepEqual(temporal('استمرت عاما ونصف وتحتاج أسبوعا ولا تستغرق أكثر من نصف ساعة'), [
      ['DATE', 'عاما ونصف', 'P1Y6M'],
      ['DATE', 'أسبوعا', 'P1W'],
      ['TIME', 'أكثر من نصف ساعة', 'PT30M'],
    ]);
    assert.deepEqual(temporal('عمره خمسة وعشرون عاما وقضى ثلاثة عشر شهرا وخلال الأيام الثلاثة الماضية ونحو عامين'), [
      ['DATE', 'خمسة وعشرون عاما', 'P25Y'],
      ['DATE', 'ثلاثة عشر شهرا', 'P13M'],
      ['DATE', 'الأيام الثلاثة الماضية', 'P3D'],
      ['DATE', 'نحو عامين', 'P2Y'],
    ]);
    // A fraction goes to the next smaller unit, keeping the unit written (TIMEX3 counts whole units).
    assert.deepEqual(temporal('قضى سبع سنوات ونصف في المنفى ثم يوما ونصف في المطار وأسبوعا ونصف في الفندق'), [
      ['DATE', 'سبع سنوات ونصف', 'P7Y6M'],
      ['DATE', 'يوما ونصف', 'P1DT12H'],
      ['DATE', 'أسبوعا ونصف', 'P10DT12H'],
    ]);
    assert.deepEqual(temporal('قبل أسبوع ولمدة عام كامل وبعد عقد القمة'), [
      ['DATE', 'أسبوع', 'P1W'],
      ['DATE', 'عام', 'P1Y'],
    ]);
    assert.deepEqual(temporal('سيعود يوما ما إلى منذ عقود'), []);
  });

  it('reads sets: every year, yearly, a date of every year, a weekday of every week', () => {
    assert.deepEqual(found('يقام كل عام وينظم سنوياً في 23 سبتمبر من كل عام', 'DATE', doc), [
      ['كل عام', 'P1Y'],
      ['سنوياً', 'P1Y'],
      ['23 سبتمبر من كل عام', 'XXXX-09-23'],
    ]);
    assert.deepEqual(found('تفتح الأسواق كل يوم خميس والاجتماع كل 4 سنوات ويوم الجمعة من كل أسبوع', 'DATE', doc), [
      ['كل يوم خميس', 'XXXX-WXX-4'],
      ['كل 4 سنوات', 'P4Y'],
      ['يوم الجمعة من كل أسبوع', 'XXXX-WXX-5'],
    ]);
  });
});

describe('date families: weeks', () => {
  it('reads the weeks of a month (ISO weeks whose Thursday is in it), relative weeks and weekends', () => {
    assert.deepEqual(found('في الأسبوع الأول من شهر يوليو 2023 والأسبوع الأخير من مارس 2024', 'DATE'), [
      ['الأسبوع الأول من شهر يوليو 2023', '2023-W27'],
      ['الأسبوع الأخير من مارس 2024', '2024-W13'],
    ]);
    assert.deepEqual(found('في الأسبوع المقبل ونهاية الأسبوع وعطلة نهاية الأسبوع المقبل', 'DATE', doc), [
      ['الأسبوع المقبل', '2024-W04'],
      ['نهاية الأسبوع', '2024-W03-WE'],
      ['عطلة نهاية الأسبوع المقبل', '2024-W04-WE'],
    ]);
    assert.deepEqual(found('في الأسبوع الأول من شهر يوليو', 'DATE'), [['الأسبوع الأول من شهر يوليو', 'XXXX-WXX']]);
  });
});

describe('date families: Hijri in every written form', () => {
  it('reads slashes and spaces between the parts, a year word, an epithet, and the year alone', () => {
    assert.deepEqual(found('الاحد / 3 / ذو الحجة / 1445 هـ', 'DATE'), [['الاحد / 3 / ذو الحجة / 1445 هـ', '2024-06-09']]);
    assert.deepEqual(found('ولد في 17 جمادى الأولى عام 1351هـ في مكة', 'DATE'), [['17 جمادى الأولى عام 1351هـ', '1932-09-18']]);
    assert.deepEqual(found('تأسست عام 1351هـ', 'DATE'), [['عام 1351هـ', '1932-05-07/1933-04-25']]);
    assert.deepEqual(found('في شهر رمضان للعام 1446 هـ', 'DATE'), [['شهر رمضان للعام 1446 هـ', '2025-03-01/2025-03-29']]);
    assert.deepEqual(found('خلال شهر رمضان المبارك لعام 1446هـ', 'DATE'), [['شهر رمضان المبارك لعام 1446هـ', '2025-03-01/2025-03-29']]);
    assert.deepEqual(found('في 1445/12/10هـ', 'DATE'), [['1445/12/10هـ', '2024-06-16']]);
    // A Hijri month with a year and no هـ: the year is Hijri below 1600, else the Gregorian year the month begins in.
    assert.deepEqual(found('في رمضان 1445 وفي 15 شعبان 1445 وفي رمضان 2024', 'DATE'), [
      ['رمضان 1445', '2024-03-11/2024-04-09'],
      ['15 شعبان 1445', '2024-02-25'],
      ['رمضان 2024', '2024-03-11/2024-04-09'],
    ]);
  });

  it('reads both calendars in one expression as one span with the Gregorian value', () => {
    assert.deepEqual(found('الخميس 21 جمادى الأولى 1351هـ الموافق 22 سبتمبر 1932م', 'DATE'), [['الخميس 21 جمادى الأولى 1351هـ الموافق 22 سبتمبر 1932م', '1932-09-22']]);
    assert.deepEqual(found('الثلاثاء 23 رمضان 1444 هـ الموافق 14 أبريل 2023م', 'DATE'), [['الثلاثاء 23 رمضان 1444 هـ الموافق 14 أبريل 2023م', '2023-04-14']]);
    assert.deepEqual(found('يوم الأربعاء الموافق 18 يناير 2023', 'DATE', doc), [
      ['يوم الأربعاء', '2023-01-18'],
      ['18 يناير 2023', '2023-01-18'],
    ]);
  });
});

describe('date families: times', () => {
  it('reads clock times, midnight, parts of the day with their day, and time zones', () => {
    assert.deepEqual(temporal('وقع الانفجار الساعة الثالثة فجراً عند منتصف الليل', doc), [
      ['TIME', 'الساعة الثالثة فجراً', '2024-01-18T03:00'],
      ['TIME', 'منتصف الليل', '2024-01-18T24:00'],
    ]);
    assert.deepEqual(temporal('بدأت الساعة العاشرة صباحا بتوقيت مكة المكرمة صباح اليوم ومساء أمس', doc), [
      ['TIME', 'الساعة العاشرة صباحا بتوقيت مكة المكرمة', '2024-01-18T10:00'],
      ['TIME', 'صباح اليوم', '2024-01-18TMO'],
      ['TIME', 'مساء أمس', '2024-01-17TEV'],
    ]);
    assert.deepEqual(temporal('وصل البارحة الساعة الـ11 صباحا', doc), [
      ['DATE', 'البارحة', '2024-01-17'],
      ['TIME', 'الساعة الـ11 صباحا', '2024-01-17T11:00'],
    ]);
    assert.deepEqual(temporal('الساعة 19:45 بتوقيت غرينتش وظهر اليوم وليلة الخميس'), [
      ['TIME', 'الساعة 19:45 بتوقيت غرينتش', 'T19:45'],
      ['TIME', 'ظهر اليوم', 'XXXX-XX-XXTMI'],
      ['TIME', 'ليلة الخميس', 'XXXX-WXX-4TNI'],
    ]);
    assert.deepEqual(temporal('الساعة السادسة وسبع دقائق من مساء يوم 4 آب 2020 والساعة الواحدة بعد منتصف الليل'), [
      ['TIME', 'الساعة السادسة وسبع دقائق من مساء يوم 4 آب 2020', '2020-08-04T18:07'],
      ['TIME', 'الساعة الواحدة بعد منتصف الليل', 'T01:00'],
    ]);
  });

  it('keeps the place in a time zone open to LOC', () => {
    const spans = spansOf('الساعة 9:45 مساء بتوقيت الخرطوم');
    assert.deepEqual(
      spans.map((s) => [s.label, s.text]),
      [
        ['TIME', 'الساعة 9:45 مساء بتوقيت الخرطوم'],
        ['LOC', 'الخرطوم'],
      ],
    );
  });

  it('dates a clock time by the date before it in the sentence, else by the publication date', () => {
    assert.deepEqual(temporal('يبدأ الأحد المقبل الساعة 8:30 صباحا', doc), [
      ['DATE', 'الأحد المقبل', '2024-01-21'],
      ['TIME', 'الساعة 8:30 صباحا', '2024-01-21T08:30'],
    ]);
    assert.deepEqual(temporal('وقع في 4 آب 2020. ويبدأ الحفل الساعة الثامنة مساء', doc), [
      ['DATE', '4 آب 2020', '2020-08-04'],
      ['TIME', 'الساعة الثامنة مساء', '2024-01-18T20:00'],
    ]);
  });
});

describe('date families: anchoring', () => {
  it('resolves relative expressions against the document date, else a dateline, else leaves X', () => {
    const text = 'وهران - 5 مارس 2024\nأعلنت المديرية، أمس الإثنين، عن حملة تنطلق الشهر المقبل، بعد لقاء الثلاثاء الماضي.';
    assert.equal(findDocumentDate(text)?.date, '2024-03-05');
    const date = chooseDocumentDate(text, undefined, undefined);
    assert.deepEqual(found(text, 'DATE', date ? { documentDate: date } : {}).slice(1), [
      ['أمس الإثنين', '2024-03-04'],
      ['الشهر المقبل', '2024-04'],
      ['الثلاثاء الماضي', '2024-02-27'],
    ]);
    assert.equal(chooseDocumentDate(text, undefined, '2024-03-10'), '2024-03-10');
    assert.deepEqual(found('أعلنت المديرية، أمس الإثنين، عن حملة تنطلق الشهر المقبل', 'DATE'), [
      ['أمس الإثنين', 'XXXX-XX-XX'],
      ['الشهر المقبل', 'XXXX-XX'],
    ]);
  });

  it('reads days of a relative month, the month after من, a year placed after a month, and منذ as the past', () => {
    assert.deepEqual(found('وقع في الثامن من الشهر الجاري وفي 20 من الشهر الماضي', 'DATE', doc), [
      ['الثامن من الشهر الجاري', '2024-01-08'],
      ['20 من الشهر الماضي', '2023-12-20'],
    ]);
    assert.deepEqual(found('وصل في 21 من يناير والـ22 من شهر فبراير 2023', 'DATE', doc).slice(1), [['الـ22 من شهر فبراير 2023', '2023-02-22']]);
    assert.deepEqual(found('في شهر مارس من العام الماضي وفي 15 مارس من هذا العام', 'DATE', doc), [
      ['شهر مارس من العام الماضي', '2023-03'],
      ['15 مارس من هذا العام', '2024-03-15'],
    ]);
    assert.deepEqual(found('ارتفع منذ فاتح ديسمبر', 'DATE', { documentDate: '2023-01-05' }), [['فاتح ديسمبر', '2022-12-01']]);
  });
});
