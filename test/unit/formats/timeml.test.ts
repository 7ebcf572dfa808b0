import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportDocument, exportDocuments } from '../../../src/core/formats/exportFormat';
import type { ExportDocument } from '../../../src/core/formats/formatTypes';
import { importFile } from '../../../src/core/formats/importFormat';
import type { Annotation } from '../../../src/core/model/annotation';
import { DEFAULT_LABELS } from '../../../src/core/model/labels';
import { CodePointIndex } from '../../../src/core/model/offsets';
import { recognize } from '../../../src/core/recognize/recognize';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { checkTimeml, valueTypes } from './timemlSchema';
import type { Timex } from './timemlSchema';

const SAMPLES = path.resolve(__dirname, '..', '..', '..', 'samples');

/** Every sample text with each of its sidecars, as an export would read them. */
function sampleDocuments(): ExportDocument[] {
  const docs: ExportDocument[] = [];
  for (const file of fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.ann.yaml'))) {
    const parsed = parseSidecar(fs.readFileSync(path.join(SAMPLES, file), 'utf8'));
    assert.ok(parsed.sidecar, file);
    const text = fs.readFileSync(path.join(SAMPLES, parsed.sidecar.document.path), 'utf8');
    docs.push({
      path: file.replace(/\.ann\.yaml$/, ''),
      text,
      annotations: parsed.sidecar.annotations,
      ...(parsed.sidecar.document.date ? { date: parsed.sidecar.document.date } : {}),
    });
  }
  return docs;
}

/** A document whose temporal spans are the recogniser's, as a pre-annotated text is. */
function recognised(text: string, date?: string): ExportDocument {
  const index = new CodePointIndex(text);
  const annotations: Annotation[] = recognize(text, { labels: ['DATE', 'TIME'], ...(date ? { documentDate: date } : {}) }).map((s, i) => ({
    id: `t${i + 1}`,
    label: s.label,
    start: index.toCodePoint(s.start),
    end: index.toCodePoint(s.end),
    text: s.text,
    status: 'accepted',
    source: 'rules',
    ...(s.value !== undefined ? { value: s.value } : {}),
  }));
  return { path: 'news.txt', text, annotations, ...(date ? { date } : {}) };
}

function exported(doc: ExportDocument): { xml: string; timexes: Timex[]; warnings: string[] } {
  const result = exportDocument('timeml', doc);
  const xml = result.files[0]?.content ?? '';
  const check = checkTimeml(xml);
  assert.deepEqual(check.problems, []);
  assert.equal(check.text, doc.text);
  return { xml, timexes: check.timexes, warnings: result.warnings.map((w) => w.message) };
}

const byText = (timexes: readonly Timex[], text: string): Timex => {
  const found = timexes.find((t) => t.text === text);
  assert.ok(found, `no TIMEX3 over «${text}»`);
  return found;
};

describe('TimeML export against the TIMEX3 schema', () => {
  it('the schema checker itself refuses what the schema refuses', () => {
    for (const bad of ['2023-01-18/2023-01-19', '', 'P', '2023-1-18T9:00', 'T10:30Z', 'FY2023', 'XXXX-XX-XXT', 'P1.5Y', '12345']) assert.deepEqual(valueTypes(bad), [], bad);
    for (const good of ['2023', '199', '20', 'XXXX-09-23', '2023-W03-WE', 'XXXX-WXX-5TNI', '2022-SU', '2023-Q1', 'XXXX-H2', 'P3Y', 'PT48H', 'P18M', 'PXY', 'T24:00', 'PRESENT_REF'])
      assert.notDeepEqual(valueTypes(good), [], good);
    const broken = checkTimeml('<TimeML><TEXT><TIMEX3 tid="x1" type="DAY" value="2023/2024" anchorTimeID="t9">a</TIMEX3><TIMEX3 tid="t2" type="DATE">b</TIMEX3></TEXT></TimeML>');
    assert.equal(broken.problems.length, 5, broken.problems.join('\n'));
  });

  it('exports every sample sidecar as TimeML the schema accepts', () => {
    const docs = sampleDocuments();
    assert.ok(docs.length >= 5);
    const result = exportDocuments('timeml', { documents: docs });
    assert.equal(result.files.length, docs.length);
    let timexes = 0;
    result.files.forEach((file, i) => {
      const check = checkTimeml(file.content);
      assert.deepEqual(check.problems, [], file.relativePath);
      assert.equal(check.text, docs[i]?.text);
      timexes += check.timexes.length;
      // A sample with a document date has its creation time, and values resolved against it point at it.
      if (docs[i]?.date) assert.equal(check.timexes.find((t) => t.attributes['functionInDocument'] === 'CREATION_TIME')?.attributes['value'], docs[i]?.date);
    });
    assert.ok(timexes >= 30, `${timexes} TIMEX3 elements`);
  });

  it('writes a range as two DATE points and a DURATION between them, never a slash in a value', () => {
    const { timexes } = exported(recognised('تقام الدورة من 18 إلى 20 يناير، بعد دورات بين عامي 2003 و2010 ويومي 22 و23 مارس.', '2023-01-10'));
    const from = byText(timexes, 'من 18');
    const to = byText(timexes, '20 يناير');
    assert.deepEqual([from.attributes['type'], from.attributes['value'], to.attributes['value']], ['DATE', '2023-01-18', '2023-01-20']);
    const duration = timexes.find((t) => t.attributes['beginPoint'] === from.attributes['tid']);
    assert.ok(duration && duration.text === undefined, 'the duration between written points is empty');
    assert.deepEqual([duration.attributes['type'], duration.attributes['value'], duration.attributes['endPoint']], ['DURATION', 'P3D', to.attributes['tid']]);
    const years = timexes.find((t) => t.attributes['beginPoint'] === byText(timexes, 'بين عامي 2003').attributes['tid']);
    assert.equal(years?.attributes['value'], 'P8Y');
    assert.equal(byText(timexes, '23 مارس').attributes['value'], '2023-03-23');
    assert.ok(timexes.every((t) => !(t.attributes['value'] ?? '').includes('/')));
  });

  it('writes ranges of quarters, of months placed by a dual word and of weekdays with the duration they span', () => {
    const text = 'نمت الصادرات في الربعين الأول والثاني من 2023 وتراجعت بين أبريل ويوليو الماضيين، وتقام الدورة يومي الخميس والجمعة.';
    for (const date of ['2024-01-18', undefined]) {
      const file = exported(recognised(text, date));
      const durations = file.timexes.filter((t) => t.attributes['type'] === 'DURATION').map((t) => t.attributes['value']);
      assert.deepEqual(durations, ['P6M', 'P4M', 'P2D'], date);
    }
  });

  it('a Hijri year (a range of Gregorian days) is a DURATION over its text with empty points', () => {
    const { timexes } = exported(recognised('تأسست المدرسة عام 1351هـ في مكة.'));
    const duration = byText(timexes, 'عام 1351هـ');
    assert.deepEqual([duration.attributes['type'], duration.attributes['value']], ['DURATION', 'P354D']);
    const begin = timexes.find((t) => t.attributes['tid'] === duration.attributes['beginPoint']);
    assert.deepEqual([begin?.text, begin?.attributes['value']], [undefined, '1932-05-07']);
  });

  it('writes type, mod, quant and the anchor to the document creation time from the text', () => {
    const { timexes } = exported(
      recognised('قال أمس إن العمل يبدأ مطلع الشهر المقبل ويستمر نحو عامين، ويتكرر كل عام في 23 سبتمبر من كل عام، والجلسة الساعة العاشرة صباحا.', '2023-01-18'),
    );
    assert.deepEqual(byText(timexes, 'أمس').attributes, { tid: 't1', type: 'DATE', value: '2023-01-17', temporalFunction: 'true', anchorTimeID: 't0' });
    const start = byText(timexes, 'مطلع الشهر المقبل').attributes;
    assert.deepEqual([start['value'], start['mod'], start['anchorTimeID']], ['2023-02', 'START', 't0']);
    assert.deepEqual([byText(timexes, 'نحو عامين').attributes['type'], byText(timexes, 'نحو عامين').attributes['mod']], ['DURATION', 'APPROX']);
    assert.deepEqual(
      [byText(timexes, 'كل عام').attributes['type'], byText(timexes, 'كل عام').attributes['value'], byText(timexes, 'كل عام').attributes['quant']],
      ['SET', 'P1Y', 'EVERY'],
    );
    assert.deepEqual([byText(timexes, '23 سبتمبر من كل عام').attributes['type'], byText(timexes, '23 سبتمبر من كل عام').attributes['value']], ['SET', 'XXXX-09-23']);
    const time = byText(timexes, 'الساعة العاشرة صباحا').attributes;
    assert.deepEqual([time['type'], time['value'], time['anchorTimeID']], ['TIME', '2023-01-18T10:00', 't0']);
  });

  it('never writes a span without a valid value: reads it from the text, else a placeholder for DATE, else leaves a TIME out, with warnings', () => {
    const text = 'وصل أمس، في موعد ما، وفي وقت لاحق.';
    const index = new CodePointIndex(text);
    const at = (s: string, label: string, id: string, value?: string): Annotation => {
      const u = text.indexOf(s);
      return {
        id,
        label,
        start: index.toCodePoint(u),
        end: index.toCodePoint(u + s.length),
        text: s,
        status: 'accepted',
        source: 'manual',
        ...(value !== undefined ? { value } : {}),
      };
    };
    const { timexes, warnings } = exported({
      path: 'a.txt',
      text,
      date: '2023-01-18',
      annotations: [at('أمس', 'DATE', 't1', '2023-01-17/x'), at('موعد ما', 'DATE', 't2'), at('وقت لاحق', 'TIME', 't3')],
    });
    assert.equal(byText(timexes, 'أمس').attributes['value'], '2023-01-17');
    assert.equal(byText(timexes, 'موعد ما').attributes['value'], 'XXXX-XX-XX');
    assert.equal(
      timexes.find((t) => t.text === 'وقت لاحق'),
      undefined,
    );
    assert.equal(warnings.length, 3, warnings.join('\n'));
    assert.match(warnings.join('\n'), /read again from their text.*t1 DATE/);
    assert.match(warnings.join('\n'), /placeholder value XXXX-XX-XX.*t2 DATE/);
    assert.match(warnings.join('\n'), /left out.*t3 TIME/);
  });
});

describe('TimeML import', () => {
  const labels = [...DEFAULT_LABELS];
  const essence = (a: Annotation): string => `${a.label} ${a.start}-${a.end} ${a.value ?? '-'}`;

  it('round-trips: spans, values (ranges included) and the document date come back, on text with emoji, CRLF and markup characters', () => {
    const text =
      'الرباط - 18 يناير 2023\r\nقال أمس 😀 إن الدورة تقام من 18 إلى 20 يناير وبين عامي 2003 و2010 ونحو عامين وكل عام وعام 1351هـ والساعة العاشرة صباحا بتوقيت غرينتش وصباح اليوم & <b>.';
    const doc = recognised(text, '2023-01-18');
    assert.ok(doc.annotations.length >= 9);
    const xml = exportDocument('timeml', doc).files[0]?.content ?? '';
    const back = importFile('timeml', { content: xml, fileName: 'news.tml', documents: [{ path: 'news.txt', text }], labels });
    assert.deepEqual(back.errors, []);
    assert.deepEqual(back.warnings, []);
    assert.equal(back.documents[0]?.date, '2023-01-18');
    assert.deepEqual(back.documents[0]?.annotations.map(essence), doc.annotations.map(essence));
  });

  it('reads TimeML written elsewhere: an empty DURATION between close points is one range, far points stay two dates, EVENTs are read through', () => {
    const xml = `<?xml version="1.0"?>
<TimeML>
<DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-01-08T12:00" functionInDocument="CREATION_TIME">01/08/1998 12:00</TIMEX3></DCT>
<TEXT>He <EVENT eid="e1" class="OCCURRENCE">taught</EVENT> <TIMEX3 tid="t1" type="DATE" value="1992">1992</TIMEX3> <SIGNAL sid="s1">through</SIGNAL> <TIMEX3 tid="t2" type="DATE" value="1995">1995</TIMEX3><TIMEX3 tid="t3" type="DURATION" value="P4Y" beginPoint="t1" endPoint="t2" temporalFunction="true"/>; then, after many other things happened in between, <TIMEX3 tid="t4" type="DATE" value="1996">1996</TIMEX3> and much later <TIMEX3 tid="t5" type="DATE" value="2001">2001</TIMEX3><TIMEX3 tid="t6" type="DURATION" value="P6Y" beginPoint="t4" endPoint="t5"/> <TIMEX3 tid="t7" type="DURATION" value="PT2H">two hours</TIMEX3><TIMEX3 tid="t8" type="DATE" value="1999"/>.</TEXT>
</TimeML>`;
    const text = 'He taught 1992 through 1995; then, after many other things happened in between, 1996 and much later 2001 two hours.';
    const back = importFile('timeml', { content: xml, fileName: 'ABC.tml', documents: [{ path: 'ABC.txt', text }], labels });
    assert.deepEqual(back.errors, []);
    assert.equal(back.documents[0]?.date, '1998-01-08');
    const spans = back.documents[0]?.annotations.map((a) => [a.label, a.text, a.value]);
    assert.deepEqual(spans, [
      ['DATE', '1992 through 1995', '1992/1995'],
      ['DATE', '1996', '1996'],
      ['DATE', '2001', '2001'],
      ['TIME', 'two hours', 'PT2H'],
    ]);
    assert.match(back.warnings.join('\n'), /1 EVENT, 1 SIGNAL/);
    assert.match(back.warnings.join('\n'), /2 empty TIMEX3/);
  });

  it('refuses, naming the file and the line: XML that is not well formed, a TIMEX3 inside another, no <TEXT>, another text', () => {
    const documents = [{ path: 'a.txt', text: 'في 2020 و2021' }];
    const run = (content: string): string =>
      importFile('timeml', { content, fileName: 'a.tml', documents, labels })
        .errors.map((e) => e.message)
        .join('\n');
    assert.match(run('<TimeML>\n<TEXT>في <TIMEX3 tid="t1" type="DATE" value="2020">2020</TIMEX3 و2021</TEXT></TimeML>'), /^a\.tml, line 2: not well-formed XML/);
    assert.match(
      run('<TimeML>\n\n<TEXT>في <TIMEX3 tid="t1" type="DATE" value="2020"><TIMEX3 tid="t2" type="DATE" value="2020">2020</TIMEX3></TIMEX3> و2021</TEXT></TimeML>'),
      /^a\.tml, line 3: a TIMEX3 inside another/,
    );
    assert.match(run('<TimeML>في 2020 و2021</TimeML>'), /^a\.tml: no <TEXT> element/);
    assert.match(run('<TimeML><TEXT>في 2020 و2022</TEXT></TimeML>'), /^a\.tml: the text differs from the document a\.txt at code point 12/);
  });

  it('finds its document by name among texts of the same content, and registers .tml as importable', () => {
    const xml = '<TimeML><TEXT><TIMEX3 tid="t1" type="DATE" value="2020">2020</TIMEX3></TEXT></TimeML>';
    const back = importFile('timeml', {
      content: xml,
      fileName: 'out/b.tml',
      documents: [
        { path: 'a.txt', text: '2020' },
        { path: 'sub/b.txt', text: '2020' },
      ],
      labels,
    });
    assert.deepEqual(
      back.documents.map((d) => d.path),
      ['sub/b.txt'],
    );
  });
});
