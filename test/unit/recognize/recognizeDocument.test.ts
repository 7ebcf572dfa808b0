import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/model/annotation';
import { recognize } from '../../../src/core/recognize/recognize';
import { linkMentions } from '../../../src/core/recognize/consistency';
import type { RecognizedSpan } from '../../../src/core/recognize/recognizeTypes';
import { chooseDocumentDate, learnedFromAnnotations, recognizeDocument } from '../../../src/core/recognize/recognizeDocument';
import { preannotateSidecar, suggestionsToAdd } from '../../../src/core/recognize/preannotate';
import { annotationIdLines, checkSidecarText } from '../../../src/core/sidecar/checkSidecarText';
import { buildSidecar } from '../../../src/core/sidecar/documentAnnotations';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { CodePointIndex } from '../../../src/core/model/offsets';

const ARTICLE = ['📰 الرباط - 18 يناير 2023', 'استقبل الملك محمد السادس في الرباط، الثلاثاء، الرئيس الفرنسي إيمانويل ماكرون.', '', 'وقال ماكرون إن فرنسا تدعم المغرب.'].join(
  '\r\n',
);

const brief = (s: RecognizedSpan | Annotation): [string, string] => [s.label, s.text];

function tag(id: string, text: string, quote: string, label: string, status: Annotation['status'], occurrence = 0): Annotation {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `«${quote}» is in the text`);
  return { id, label, start: at, end: at + quote.length, text: quote, status, source: status === 'accepted' ? 'manual' : 'rules' };
}

describe('recognizeDocument', () => {
  it('is per-line recognition in document offsets followed by linkMentions, as the editor runs it', () => {
    const expected: RecognizedSpan[] = [];
    let offset = 0;
    for (const line of ARTICLE.split('\r\n')) {
      for (const s of recognize(line, { documentDate: '2023-01-18' })) expected.push({ ...s, start: s.start + offset, end: s.end + offset });
      offset += line.length + 2;
    }
    const spans = recognizeDocument(ARTICLE, { documentDate: '2023-01-18' });
    assert.deepEqual(spans, linkMentions(ARTICLE, expected));
    for (const s of spans) assert.equal(ARTICLE.slice(s.start, s.end), s.text);
    // The surname alone on the last line comes from the document-wide pass.
    assert.ok(spans.some((s) => s.label === 'PER' && s.text === 'ماكرون' && s.start > ARTICLE.lastIndexOf('\r\n')));
  });

  it('splits lines at CR, LF and CRLF alike, and filters labels', () => {
    const lf = recognizeDocument(ARTICLE.replace(/\r\n/g, '\n'));
    const cr = recognizeDocument(ARTICLE.replace(/\r\n/g, '\r'));
    assert.deepEqual(cr, lf);
    assert.deepEqual(recognizeDocument(ARTICLE, { labels: ['DATE'] }).map(brief), [
      ['DATE', '18 يناير 2023'],
      ['DATE', 'الثلاثاء'],
    ]);
  });

  it('chooses the date asked for, else the sidecar’s, else the dateline', () => {
    assert.equal(chooseDocumentDate(ARTICLE, '2020-05-05', '2021-06-06'), '2020-05-05');
    assert.equal(chooseDocumentDate(ARTICLE, undefined, '2021-06-06'), '2021-06-06');
    assert.equal(chooseDocumentDate(ARTICLE, undefined, undefined), '2023-01-18');
    assert.equal(chooseDocumentDate('لا تاريخ هنا', undefined, undefined), undefined);
  });

  it('learns accepted tags only, without values', () => {
    const learned = learnedFromAnnotations([
      { ...tag('t1', ARTICLE, 'المغرب', 'LOC', 'accepted') },
      { ...tag('t2', ARTICLE, 'فرنسا', 'LOC', 'rejected') },
      { ...tag('t3', ARTICLE, 'الثلاثاء', 'DATE', 'accepted'), value: '2023-01-17' },
    ]);
    assert.deepEqual(learned, [
      { text: 'المغرب', label: 'LOC' },
      { text: 'الثلاثاء', label: 'DATE' },
    ]);
  });
});

describe('suggestionsToAdd', () => {
  const spans = recognizeDocument(ARTICLE);

  it('adds only spans nothing is stored on, with fresh ids after the existing ones', () => {
    const existing = [tag('t4', ARTICLE, 'الرباط', 'LOC', 'accepted'), tag('t9', ARTICLE, 'فرنسا', 'LOC', 'rejected'), tag('t2', ARTICLE, 'المغرب', 'LOC', 'suggested')];
    const added = suggestionsToAdd(existing, spans);
    assert.ok(added.length > 0);
    for (const a of added) {
      assert.equal(a.status, 'suggested');
      assert.ok(!existing.some((e) => e.start === a.start && e.end === a.end && e.label === a.label), `${a.text} is not stored twice`);
    }
    assert.deepEqual(
      added.map((a) => a.id),
      added.map((_, i) => `t${10 + i}`),
    );
    assert.ok(!added.some((a) => a.text === 'فرنسا'), 'a rejected span is not suggested again');
    assert.ok(
      added.some((a) => a.text === 'الرباط'),
      'the other الرباط, not tagged, is suggested',
    );
  });

  it('keeps DATE values, skips ids the session held, and drops learned spans whose lesson was rejected', () => {
    const added = suggestionsToAdd([], spans, (id) => id === 't1' || id === 't2');
    assert.equal(added[0]?.id, 't3');
    assert.equal(added.find((a) => a.label === 'DATE')?.value, '2023-01-18');
    const learned: RecognizedSpan = { start: 0, end: 2, label: 'ORG', text: 'ab', source: 'learned', reason: 'learned: ab' };
    const rejected = { id: 't1', label: 'ORG', start: 10, end: 12, text: 'ab', status: 'rejected', source: 'learned' } as const;
    assert.deepEqual(suggestionsToAdd([rejected], [learned]), []);
    assert.equal(suggestionsToAdd([rejected], [{ ...learned, source: 'rules' }]).length, 1);
  });
});

describe('preannotateSidecar', () => {
  it('creates a sidecar of suggestions in code points, learned and rules sources, the dateline’s values', () => {
    const { sidecar, added, date } = preannotateSidecar({ text: ARTICLE, textName: 'a.txt', annotator: 'salma' });
    assert.equal(date, '2023-01-18');
    assert.equal(sidecar.document.date, undefined, 'a dateline is not written as the document date');
    assert.equal(added, sidecar.annotations.length);
    const index = new CodePointIndex(ARTICLE);
    for (const a of sidecar.annotations) {
      assert.equal([...ARTICLE].slice(a.start, a.end).join(''), a.text);
      assert.equal(a.status, 'suggested');
      assert.equal(a.source, 'rules');
    }
    const rabat = sidecar.annotations.find((a) => a.text === 'الرباط');
    assert.equal(rabat?.start, index.toCodePoint(ARTICLE.indexOf('الرباط')));
    assert.equal(rabat?.start, ARTICLE.indexOf('الرباط') - 1, 'the emoji is one code point, two UTF-16 units');
    assert.equal(sidecar.annotations.find((a) => a.text === 'الثلاثاء')?.value, '2023-01-17');
  });

  it('leaves the document status as the annotator set it, and sets none on a new sidecar', () => {
    const existing = buildSidecar({ path: 'a.txt', annotator: 'salma', status: 'done' }, ARTICLE, [], []);
    assert.equal(preannotateSidecar({ text: ARTICLE, textName: 'a.txt', annotator: 'salma', existing }).sidecar.document.status, 'done');
    assert.equal(preannotateSidecar({ text: ARTICLE, textName: 'a.txt', annotator: 'salma' }).sidecar.document.status, undefined);
  });

  it('keeps tags, rejections and stored suggestions, learns from tags, and gives the same bytes twice', () => {
    const existingLive = [tag('t1', ARTICLE, 'الرباط', 'LOC', 'accepted'), tag('t2', ARTICLE, 'فرنسا', 'LOC', 'rejected'), tag('t3', ARTICLE, 'تدعم', 'MISC', 'accepted')];
    const existing = buildSidecar({ path: 'a.txt', annotator: 'salma', date: '2024-02-01' }, ARTICLE, existingLive, []);
    const first = preannotateSidecar({ text: ARTICLE, textName: 'a.txt', annotator: 'someone-else', existing });
    assert.equal(first.sidecar.annotator, 'salma');
    assert.equal(first.sidecar.document.date, '2024-02-01');
    const kept = first.sidecar.annotations.filter((a) => ['t1', 't2', 't3'].includes(a.id));
    assert.deepEqual(kept, existing.annotations);
    assert.ok(!first.sidecar.annotations.some((a) => a.text === 'فرنسا' && a.status === 'suggested'));
    const learned = first.sidecar.annotations.filter((a) => a.source === 'learned');
    assert.deepEqual(learned.map(brief), [['LOC', 'الرباط']], 'the other الرباط is suggested from the tag');
    assert.equal(first.sidecar.annotations.find((a) => a.text === 'الثلاثاء')?.value, '2024-01-30', 'relative to the sidecar date');

    const bytes = serializeSidecar(first.sidecar);
    const reread = parseSidecar(bytes).sidecar;
    assert.ok(reread);
    const second = preannotateSidecar({ text: ARTICLE, textName: 'a.txt', annotator: 'salma', existing: reread });
    assert.equal(second.added, 0);
    assert.equal(serializeSidecar(second.sidecar), bytes);
  });

  it('re-anchors the existing annotations on a changed text and keeps orphans', () => {
    const old = buildSidecar({ path: 'a.txt', annotator: 'salma' }, ARTICLE, [tag('t1', ARTICLE, 'ماكرون', 'PER', 'accepted', 1)], []);
    const withOrphan = {
      ...old,
      annotations: [...old.annotations, { id: 't2', label: 'ORG', start: 3, end: 9, text: 'اليونسكو', status: 'accepted', source: 'manual', orphan: true } as const],
    };
    const edited = `عاجل: ${ARTICLE}`;
    const { sidecar } = preannotateSidecar({ text: edited, textName: 'a.txt', annotator: 'salma', existing: withOrphan, date: '2023-01-18' });
    const moved = sidecar.annotations.find((a) => a.id === 't1');
    assert.equal(moved?.start, (old.annotations[0]?.start ?? 0) + 'عاجل: '.length);
    assert.equal(sidecar.annotations.find((a) => a.id === 't2')?.orphan, true);
    assert.equal(sidecar.document.date, '2023-01-18', 'a date asked for is kept when the sidecar had none');
  });
});

describe('checkSidecarText', () => {
  it('reports changed texts, orphans, spans past the end and wrong quotes, each with its id and line', () => {
    const sidecar = buildSidecar(
      { path: 'a.txt', annotator: 'salma' },
      ARTICLE,
      [tag('t1', ARTICLE, 'الرباط', 'LOC', 'accepted'), tag('t2', ARTICLE, 'فرنسا', 'LOC', 'accepted')],
      [],
    );
    assert.deepEqual(checkSidecarText(sidecar, ARTICLE), []);
    // A changed text is checked as readers place it: a quote that is gone is a future orphan (a warning).
    const changed = ARTICLE.replace('فرنسا', 'ألمانيا');
    const problems = checkSidecarText(sidecar, changed);
    assert.equal(problems[0]?.severity, 'warning');
    assert.equal(problems[0]?.kind, 'textChanged');
    assert.ok(problems.some((p) => p.kind === 'orphan' && p.id === 't2' && p.quote === 'فرنسا' && p.severity === 'warning'));
    assert.ok(problems.every((p) => p.severity === 'warning'));
    // In the text it was saved for, a span must cover its quote and end inside the text (errors).
    const [t1, t2] = sidecar.annotations as [Annotation, Annotation];
    const wrong = checkSidecarText({ ...sidecar, annotations: [t1, { ...t2, text: 'فرنسي' }] }, ARTICLE);
    assert.ok(wrong.some((p) => p.kind === 'quoteDiffers' && p.id === 't2' && p.quote === 'فرنسي' && p.message.includes('«فرنسا»')));
    const past = checkSidecarText({ ...sidecar, annotations: [t1, { ...t2, end: 100_000 }] }, ARTICLE);
    assert.ok(past.some((p) => p.kind === 'pastEnd' && p.id === 't2' && p.message.includes('past the end')));

    const content = serializeSidecar(sidecar);
    const lines = annotationIdLines(content);
    const at = content.split('\n').findIndex((l) => l.includes('id: t2')) + 1;
    assert.equal(lines.get('t2'), at);
    assert.equal(annotationIdLines('annotations:\n  - label: LOC\n    id: "t7"\nother:\n  id: t8\n').get('t7'), 3);
    assert.equal(annotationIdLines('annotations: []\nother:\n  - id: t8\n').get('t8'), undefined);
  });
});
