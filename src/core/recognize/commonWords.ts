import { foldArabic } from './normalize';

/**
 * Words that are not part of a name: particles, pronouns, frequent verbs of reporting, and the
 * common nouns and adjectives that follow titles in news prose. Arabic has no capitals, so a
 * name's end is found where such a word begins. Given names that are also common words (أمل،
 * سعيد، جمال) are listed here too; they start a name only next to another name or after a title.
 */
const PARTICLE_WORDS = `
في من إلى الى على عن مع عند لدى حول بين ضد نحو منذ حتى خلال قبل بعد أمام وراء فوق تحت دون عبر لكن لكنه لكنها لأن كي لكي
قد لقد سوف كما كذلك أيضا أيضاً فقط حيث إذ إذا إذن وإذا لو لولا ولو غير سوى كل كلا بعض أي أية جميع عدة عدد معظم أغلب نفس ذات
هذا هذه ذلك تلك هؤلاء أولئك هنا هناك الذي التي الذين اللذين اللتين اللواتي اللاتي ما من
هو هي هم هن نحن أنا أنت أنتم له لها لهم لنا لي به بها بهم فيه فيها فيهم عليه عليها عليهم منه منها منهم إليه إليها عنه عنها معه معها
قال قالت يقول تقول أكد أكدت يؤكد تؤكد أعلن أعلنت يعلن تعلن أضاف أضافت يضيف أوضح أوضحت يوضح أشار أشارت يشير شدد شددت يشدد
دعا دعت يدعو تدعو طالب طالبت يطالب اعتبر اعتبرت يعتبر رأى رأت يرى نفى نفت ينفي كشف كشفت يكشف ذكر ذكرت يذكر أفاد أفادت يفيد
استقبل استقبلت يستقبل التقى التقت يلتقي بحث بحثت يبحث ناقش ناقشت يناقش وصل وصلت يصل غادر غادرت يغادر زار زارت يزور ترأس ترأست
أجرى أجرت يجري تلقى تلقت وقع وقعت يوقع أصدر أصدرت يصدر عقد عقدت يعقد شارك شاركت يشارك أعرب أعربت يعرب حذر حذرت يحذر
جاء جاءت يأتي تم تمت يتم بات باتت أصبح أصبحت صار ظل ظلت مازال لازال يزال تزال عاد عادت يعود قام قامت يقوم توجه توجهت
نفسه نفسها أنفسهم لذلك لهذا وذلك وهذا وهو وهي وكان وكانت فيما بينما عندما حين حينما بعدما قبلما ريثما كلما طالما
أجل حسب بحسب وفق وفقا وفقاً نظرا نظراً إثر عقب جراء بسبب رغم برغم لدى إزاء تجاه
`;

/** Nouns, adjectives and time words: not names, but they may sit inside an organisation's name. */
const OTHER_WORDS = `
و ف ثم أو أم بل لا لم لن ما ماذا لماذا كيف أين متى هل إن أن إنه أنه إنها أنها إنهم أنهم كان كانت يكون تكون كانوا ليس ليست
أمس اليوم غدا غداً الآن حاليا حالياً سابقا سابقاً لاحقا لاحقاً مؤخرا مؤخراً جدا جداً كثيرا أكثر أقل أول آخر أخرى الأخرى الآخر
السابق السابقة الأسبق الجديد الجديدة الحالي الحالية المقبل المقبلة الماضي الماضية العام العامة الأول الأولى الثاني الثانية
المنتدب المكلف المكلفة المساعد المساعدة المؤقت بالنيابة رسميا رسمياً رسمية رسمي شخصيا شخصياً
سعيد سعيدة جمال كمال نبيل عادل أمين كريم رشيد حميد سالم صالح منصور مبارك نور هدى وفاء رجاء حياة نجاة زهرة منى بشرى حنان عزيز
فارس هادي سامي شريف راشد ماجد نادر أنور فريدة جميلة كريمة لطيفة نبيلة سعاد أمير مها ريم ولاء هبة دعاء بسمة نهى أسماء آلاء تغريد
رحاب حازم عماد صبري مولود بدر شهاب فؤاد أمل أمان سلام فرح نصر فتحي حسن جميل ناجي نجيب ثابت صابر طاهر عاطف منير وسام وضاح
عسكري عسكرية سياسي سياسية أمني أمنية رفيع رفيعة كبير كبيرة صغير عالي عال رفيع المستوى مسؤول مسؤولة مسؤولين مسؤولون
وزير وزيرة وزراء وزارة رئيس رئيسة رؤساء ملك أمير سفير نائب مدير مستشار عضو أعضاء قائد زعيم خبير خبراء مصدر مصادر
بيان تصريح تصريحات كلمة مؤتمر اجتماع لقاء زيارة اتصال مكالمة رسالة تقرير تقارير حوار مقابلة جلسة قمة
خارجية داخلية دفاع عدل مالية اقتصاد صحة تعليم تربية ثقافة سياحة نقل طاقة زراعة تجارة صناعة اتصال إعلام شؤون أركان حرس أمن
جيش قوات شرطة حكومة دولة دول بلد بلاد مدينة منطقة عاصمة شعب
يوم يومي أيام أسبوع شهر عام سنة ساعة دقيقة
جهاد نضال كفاح حرب سلام عمل
`;

const fold = (words: string): string[] =>
  words
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .map((w) => foldArabic(w));

/** Particles, pronouns and verbs: they end a name and an organisation's name. */
export const PARTICLES: ReadonlySet<string> = new Set(fold(PARTICLE_WORDS));

export const COMMON_WORDS: ReadonlySet<string> = new Set([...fold(PARTICLE_WORDS), ...fold(OTHER_WORDS)]);

const rawWords = `${PARTICLE_WORDS} ${OTHER_WORDS}`.split(/\s+/u).filter((w) => w.length > 0);
/** Common words spelled with a final ى (على، إلى): folded, they look like names ending in ي (علي). */
const MAQSURA_ONLY: ReadonlySet<string> = (() => {
  const withYa = new Set(rawWords.filter((w) => w.endsWith('ي')).map((w) => foldArabic(w)));
  return new Set(
    rawWords
      .filter((w) => w.endsWith('ى'))
      .map((w) => foldArabic(w))
      .filter((w) => !withYa.has(w)),
  );
})();

/**
 * Is a word, as written, a common word? `علي` is the name and `على` the preposition: they fold to
 * the same key, so the written final letter decides.
 */
export function isCommonAsWritten(folded: string, written: string): boolean {
  if (!COMMON_WORDS.has(folded)) return false;
  return !(MAQSURA_ONLY.has(folded) && written.endsWith('ي'));
}

/** Connectors inside a person's name: بن، ابن، بنت، أبو، أم، آل، ولد، آيت, and عبد before a divine name. */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(
  ['بن', 'ابن', 'بنت', 'أبو', 'أبي', 'أم', 'آل', 'ولد', 'آيت', 'أيت', 'عبد', 'بو', 'سيدي', 'مولاي', 'دي', 'فون', 'دو', 'لا'].map((w) => foldArabic(w)),
);

/** Words that mark the end of a sentence or clause for name and organisation scans. */
export const CLAUSE_MARKS: ReadonlySet<string> = new Set(['.', '،', ',', '؛', ';', ':', '!', '?', '؟', '"', '«', '»', '(', ')', '[', ']', '“', '”', '-', '–', '—', '/']);
