import { strict as assert } from 'node:assert';
import { found, temporal } from './helpers';

/**
 * Regional and written forms of the date families that the first reading missed: Maghrebi and
 * Levantine parts of the year, ranges written with بين and a shared relative word, runs of
 * weekdays, the one before the last, the first of a month, and the year a part of the year takes
 * from its sentence. Sentences written for these tests; the publication date is 2024-01-18, a Thursday.
 */
const doc = { documentDate: '2024-01-18' };

describe('date families: regional parts of the year', () => {
  it('reads the Maghrebi trimestre and semestre (الثلاثي، السداسي) with a year', () => {
    assert.deepEqual(found('ارتفعت صادرات الفوسفاط خلال الثلاثي الرابع من 2023', 'DATE'), [['الثلاثي الرابع من 2023', '2023-Q4']]);
    assert.deepEqual(found('سجل البنك أرباحا صافية في السداسي الأول من سنة 2022', 'DATE'), [['السداسي الأول من سنة 2022', '2022-H1']]);
    assert.deepEqual(found('تراجع العجز التجاري في الثلاثي الأخير من العام الماضي', 'DATE', doc), [['الثلاثي الأخير من العام الماضي', '2023-Q4']]);
  });

  it('reads duals and plurals of quarters and halves as a range of them', () => {
    assert.deepEqual(found('نمت الصادرات في الربعين الأول والثاني من 2023', 'DATE'), [['الربعين الأول والثاني من 2023', '2023-Q1/2023-Q2']]);
    assert.deepEqual(found('ارتفع الناتج في الفصلين الأول والثاني من سنة 2021', 'DATE'), [['الفصلين الأول والثاني من سنة 2021', '2021-Q1/2021-Q2']]);
    assert.deepEqual(found('بلغ التضخم ذروته في الأرباع الثلاثة الأخيرة من 2022', 'DATE'), [['الأرباع الثلاثة الأخيرة من 2022', '2022-Q2/2022-Q4']]);
    assert.deepEqual(found('تحسنت المداخيل خلال الثلاثيات الثلاثة الأولى من العام الماضي', 'DATE', doc), [['الثلاثيات الثلاثة الأولى من العام الماضي', '2023-Q1/2023-Q3']]);
  });

  it('gives a quarter or a half without its year the year its sentence named, else leaves a half and a trimestre out', () => {
    assert.deepEqual(found('نما الاقتصاد في النصف الأول من 2023، لكنه تباطأ في النصف الثاني', 'DATE', doc), [
      ['النصف الأول من 2023', '2023-H1'],
      ['النصف الثاني', '2023-H2'],
    ]);
    assert.deepEqual(found('سجلت الشركة خسائر في الثلاثي الثالث من 2022 ثم أرباحا في الثلاثي الرابع', 'DATE'), [
      ['الثلاثي الثالث من 2022', '2022-Q3'],
      ['الثلاثي الرابع', '2022-Q4'],
    ]);
    // A quarter alone in a results story is the one nearest the publication date; a half or a trimestre alone is not a date.
    assert.deepEqual(found('ارتفعت المبيعات في الربع الرابع', 'DATE', doc), [['الربع الرابع', '2023-Q4']]);
    assert.deepEqual(found('تقدم الفريق في النصف الثاني', 'DATE', doc), []);
    assert.deepEqual(found('انعقد الاجتماع الثلاثي الأول بين البلدين', 'DATE', doc), []);
    // The year of another sentence does not carry over.
    assert.deepEqual(found('بدأ المشروع عام 2019. وتحسن الأداء في النصف الثاني', 'DATE', doc), [['عام 2019', '2019']]);
  });

  it('reads a season named after فصل as the season in general, or the one the clause points to', () => {
    assert.deepEqual(found('لا تقام البطولة عادة في فصل الصيف', 'DATE', doc), [['فصل الصيف', 'XXXX-SU']]);
    assert.deepEqual(found('ستستضيف المدينة المهرجان في فصل الصيف', 'DATE', doc), [['فصل الصيف', '2024-SU']]);
    assert.deepEqual(found('وكانت الفيضانات قد ضربت المنطقة في فصل الخريف', 'DATE', doc), [['فصل الخريف', '2023-FA']]);
  });
});

describe('date families: regional ranges and runs of days', () => {
  it('reads بين with و written on the second month, and a dual relative word placing both', () => {
    assert.deepEqual(found('تراجعت أسعار النفط بين أبريل ويوليو الماضيين', 'DATE', doc), [['بين أبريل ويوليو الماضيين', '2023-04/2023-07']]);
    assert.deepEqual(found('تجرى الأشغال بين آذار وأيار المقبلين', 'DATE', doc), [['بين آذار وأيار المقبلين', '2024-03/2024-05']]);
    assert.deepEqual(found('ارتفع الإنتاج بين يونيو وسبتمبر 2022', 'DATE'), [['بين يونيو وسبتمبر 2022', '2022-06/2022-09']]);
    // شهري and شهر before the months (Levantine and Gulf styles).
    assert.deepEqual(found('تراجعت الأسعار بين شهري آذار وأيار الماضيين', 'DATE', doc), [['بين شهري آذار وأيار الماضيين', '2023-03/2023-05']]);
    assert.deepEqual(found('تمتد الحملة من شهر يناير إلى شهر مارس 2025', 'DATE'), [['من شهر يناير إلى شهر مارس 2025', '2025-01/2025-03']]);
  });

  it('reads a range whose first day is an ordinal (غرة، الأول من)', () => {
    assert.deepEqual(found('تمتد الحملة من غرة جانفي إلى 20 أوت 2023', 'DATE'), [['من غرة جانفي إلى 20 أوت 2023', '2023-01-01/2023-08-20']]);
    assert.deepEqual(found('يفتح التسجيل من الأول من مارس حتى 15 أبريل 2024', 'DATE'), [['من الأول من مارس حتى 15 أبريل 2024', '2024-03-01/2024-04-15']]);
    assert.deepEqual(found('يستمر المعرض من الأول من فبراير إلى 10 مارس', 'DATE', doc), [['من الأول من فبراير إلى 10 مارس', '2024-02-01/2024-03-10']]);
  });

  it('reads runs of weekdays after يومي and أيام, with a shared relative word', () => {
    assert.deepEqual(found('تقام المباريات يومي الخميس والجمعة المقبلين', 'DATE', doc), [['يومي الخميس والجمعة المقبلين', '2024-01-25/2024-01-26']]);
    assert.deepEqual(found('جرت المفاوضات يومي الاثنين والثلاثاء الماضيين', 'DATE', doc), [['يومي الاثنين والثلاثاء الماضيين', '2024-01-15/2024-01-16']]);
    assert.deepEqual(found('تقام الدورة أيام السبت والأحد والاثنين', 'DATE', doc), [['أيام السبت والأحد والاثنين', '2024-01-20/2024-01-22']]);
    assert.deepEqual(found('تقام الدورة يومي الخميس والجمعة', 'DATE'), [['يومي الخميس والجمعة', 'XXXX-WXX-4/XXXX-WXX-5']]);
    assert.deepEqual(found('تغلق المحلات يومي السبت و الأحد الماضيين', 'DATE', doc), [['يومي السبت و الأحد الماضيين', '2024-01-13/2024-01-14']]);
  });

  it('keeps a run of weekdays from من to إلى in the week the clause points to', () => {
    assert.deepEqual(found('يعمل المكتب من الاثنين إلى الجمعة', 'DATE', doc), [['من الاثنين إلى الجمعة', '2024-01-15/2024-01-19']]);
    assert.deepEqual(found('سيعمل المكتب من الاثنين إلى الأربعاء', 'DATE', doc), [['من الاثنين إلى الأربعاء', '2024-01-22/2024-01-24']]);
  });
});

describe('date families: the tense of the clause places an undated day, month or weekday', () => {
  it('takes the nearest occurrence on the side a future or past sign points to, else the nearest', () => {
    assert.deepEqual(found('سيجتمع المجلس الاثنين', 'DATE', doc), [['الاثنين', '2024-01-22']]);
    assert.deepEqual(found('كان المجلس قد اجتمع الاثنين', 'DATE', doc), [['الاثنين', '2024-01-15']]);
    assert.deepEqual(found('اجتمع المجلس الاثنين', 'DATE', doc), [['الاثنين', '2024-01-15']]);
    assert.deepEqual(found('يبدأ المهرجان الجمعة', 'DATE', doc), [['الجمعة', '2024-01-19']]);
    assert.deepEqual(found('من المقرر أن تنطلق الأشغال في 10 ديسمبر', 'DATE', doc), [['10 ديسمبر', '2024-12-10']]);
    assert.deepEqual(found('وكانت الأشغال قد انطلقت في 25 يناير', 'DATE', doc), [['25 يناير', '2023-01-25']]);
    assert.deepEqual(found('ستجرى الانتخابات البلدية في نوفمبر', 'DATE', doc), [['نوفمبر', '2024-11']]);
    assert.deepEqual(found('جرت الانتخابات البلدية في نوفمبر', 'DATE', doc), [['نوفمبر', '2023-11']]);
    assert.deepEqual(found('أطلقت الوزارة البرنامج الذي انطلق في أكتوبر', 'DATE', doc), [['أكتوبر', '2023-10']]);
    // A hollow verb's present (تعود، تكون) is read; a form V past (تحدث) is not, and keeps the nearest.
    assert.deepEqual(found('وتعود الأمطار إلى المرتفعات الاثنين', 'DATE', doc), [['الاثنين', '2024-01-22']]);
    assert.deepEqual(found('وتحدث الوزير عن الميزانية الاثنين', 'DATE', doc), [['الاثنين', '2024-01-15']]);
  });

  it('reads no tense across a clause mark, and keeps X without a publication date', () => {
    assert.deepEqual(found('سيصدر التقرير قريبا، وجرت الانتخابات في نوفمبر', 'DATE', doc), [['نوفمبر', '2023-11']]);
    assert.deepEqual(found('سيجتمع المجلس الاثنين', 'DATE'), [['الاثنين', 'XXXX-WXX-1']]);
  });
});

describe('date families: relative days and years', () => {
  it('reads the one before the last: العام قبل الماضي، الخميس ما قبل الماضي', () => {
    assert.deepEqual(found('بلغ العجز في العام قبل الماضي مستوى قياسيا', 'DATE', doc), [['العام قبل الماضي', '2022']]);
    assert.deepEqual(found('تراجعت المبيعات في الشهر ما قبل الماضي', 'DATE', doc), [['الشهر ما قبل الماضي', '2023-11']]);
    assert.deepEqual(found('اجتمع المجلس الخميس ما قبل الماضي', 'DATE', doc), [['الخميس ما قبل الماضي', '2024-01-04']]);
    assert.deepEqual(found('في العام قبل الماضي', 'DATE'), [['العام قبل الماضي', 'XXXX']]);
  });

  it('reads أول before a month as its first day', () => {
    assert.deepEqual(found('تدخل التعريفة حيز التنفيذ أول أبريل المقبل', 'DATE', doc), [['أول أبريل المقبل', '2024-04-01']]);
    assert.deepEqual(found('سيفتتح المعرض أول مارس', 'DATE', doc), [['أول مارس', '2024-03-01']]);
    assert.deepEqual(found('تدخل التعريفة حيز التنفيذ أول أبريل المقبل', 'DATE'), [['أول أبريل المقبل', 'XXXX-04-01']]);
  });

  it('reads بعد غد and مساء غد as days, and the date written after اليوم and a weekday', () => {
    assert.deepEqual(temporal('يصل الوفد بعد غد السبت ويغادر مساء غد', doc), [
      ['DATE', 'بعد غد السبت', '2024-01-20'],
      ['TIME', 'مساء غد', '2024-01-19TEV'],
    ]);
    assert.deepEqual(found('أعلن المصرف اليوم الخميس 7 رجب 1445هـ عن خفض الفائدة', 'DATE', doc), [['اليوم الخميس 7 رجب 1445هـ', '2024-01-19']]);
    // After a comma the written date is an apposition: two spans.
    assert.deepEqual(found('يتوجه الوفد اليوم الخميس، 18 يناير 2024، إلى عمان', 'DATE', doc), [
      ['اليوم الخميس', '2024-01-18'],
      ['18 يناير 2024', '2024-01-18'],
    ]);
  });

  it('reads a year named as an edition, and a day described by a relative adjective as no duration', () => {
    assert.deepEqual(found('انطلقت امتحانات الباكالوريا دورة 2024، بمشاركة آلاف المترشحين', 'DATE'), [['2024', '2024']]);
    assert.deepEqual(found('ستنطلق نسخة 2025 من المعرض في الرباط', 'DATE'), [['2025', '2025']]);
    assert.deepEqual(found('شاركت دورة 2000 متدرب في البرنامج', 'DATE'), []);
    assert.deepEqual(found('نظمت الجمعية يوما تطوعيا لتنظيف الشاطئ وأعلنت الحكومة يوما وطنيا للشجرة', 'DATE'), []);
    assert.deepEqual(found('مددت اللجنة المهلة يوما إضافيا واستمر الإضراب يوما كاملا', 'DATE'), [
      ['يوما', 'P1D'],
      ['يوما', 'P1D'],
    ]);
  });

  it('reads the hour الحادية عشرة', () => {
    assert.deepEqual(temporal('تبدأ الجلسة عند الساعة الحادية عشرة صباحا', doc), [['TIME', 'الساعة الحادية عشرة صباحا', '2024-01-18T11:00']]);
  });
});
