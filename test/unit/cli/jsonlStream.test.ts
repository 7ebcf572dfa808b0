import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import { streamJsonl } from '../../../src/cli/recognize/jsonlStream';
import { parseBatchArgs } from '../../../src/cli/recognize/batchArgs';
import { validateSidecarObject } from '../../../src/core/sidecar/validateSidecar';
import { spawn } from 'node:child_process';
import { cliBundle } from '../robustness/cliProcess';
import { fakeIo } from './cliTestKit';

/** Two short news sentences of our own, with a place, a person, a ministry and dates. */
const TEXTS = ['زار محمد الرباط أمس والتقى وزير الخارجية المغربي.', 'أعلنت وزارة الصحة في القاهرة يوم 12 مارس 2024 عن خطة جديدة.'];

async function run(kind: 'detect' | 'annotate', input: string, extra: string[] = []): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = fakeIo();
  let out = '';
  const args = parseBatchArgs(['--model', 'none', '--annotator', 'salma', ...extra, '--jsonl', '-']);
  // Chunks cut inside lines and inside characters: the reader must join them.
  const bytes = Buffer.from(input);
  const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 40), bytes.subarray(40)];
  const code = await streamJsonl(kind, Readable.from(chunks), (t) => void (out += t), io, args.settings);
  return { code, out: out.split('\n').filter((l) => l !== ''), err: io.stderr };
}

describe('tawsim detect / annotate --jsonl -', function () {
  this.timeout(180000);

  it('detect writes one JSON line per span with the document id and code point offsets', async () => {
    const input = TEXTS.map((text, i) => JSON.stringify({ id: `n${i}`, text, date: '2024-05-02' })).join('\n') + '\n';
    const r = await run('detect', input);
    assert.equal(r.code, 0);
    const spans = r.out.map((l) => JSON.parse(l) as { id: string; start: number; end: number; label: string; text: string; value?: string });
    const rabat = spans.find((s) => s.text === 'الرباط');
    assert.deepEqual(rabat && [rabat.id, rabat.label, rabat.start, rabat.end], ['n0', 'LOC', 9, 15]);
    assert.deepEqual(
      spans.filter((s) => s.label === 'DATE').map((s) => [s.id, s.text, s.value]),
      [
        ['n0', 'أمس', '2024-05-01'],
        ['n1', 'يوم 12 مارس 2024', '2024-03-12'],
      ],
    );
    for (const s of spans) assert.equal([...(TEXTS[Number(s.id.slice(1))] ?? '')].slice(s.start, s.end).join(''), s.text);
    assert.deepEqual(r.err, ['2 documents']);
  });

  it('annotate writes one sidecar as JSON per document, also when nothing is found', async () => {
    const input = [JSON.stringify({ id: 7, text: TEXTS[1] }), JSON.stringify({ id: 'empty', text: 'لا شيء هنا' })].join('\n');
    const r = await run('annotate', input);
    assert.equal(r.code, 0);
    assert.equal(r.out.length, 2);
    const [first, second] = r.out.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(first?.['id'], 7);
    const { id: _id, ...sidecar } = first ?? {};
    const checked = validateSidecarObject(sidecar);
    assert.deepEqual(
      checked.problems.filter((p) => p.severity === 'error'),
      [],
    );
    assert.equal(checked.sidecar?.annotator, 'salma');
    assert.ok(checked.sidecar?.annotations.some((a) => a.label === 'LOC' && a.text === 'القاهرة' && a.status === 'suggested'));
    assert.deepEqual(second?.['annotations'], []);
  });

  it('names a bad line with its number, goes on, and exits 1', async () => {
    const input = ['{"id":1,"text":"في الرباط"}', 'not json', '{"id":3}', '{"id":4,"text":"x","date":"May 2"}', '{"id":5,"text":"في القاهرة"}'].join('\n');
    const r = await run('detect', input);
    assert.equal(r.code, 1);
    assert.deepEqual(
      r.err.slice(0, 3).map((l) => l.replace(/: .*/, '')),
      ['-:2', '-:3', '-:4'],
    );
    assert.match(r.err[1] ?? '', /"text" must be/);
    assert.equal(r.err.at(-1), '2 documents; 3 lines not processed');
    assert.deepEqual(
      r.out.map((l) => (JSON.parse(l) as { id: number }).id),
      [1, 5],
    );
  });

  it('refuses --jsonl without "-", or with options that write sidecars', () => {
    assert.throws(() => parseBatchArgs(['--jsonl', 'folder']), /--jsonl -/);
    assert.throws(() => parseBatchArgs(['--jsonl', '--pattern', '${file}.x.ann.yaml', '-']), /do not apply/);
  });

  it('streams 100,000 documents through the command line with flat memory', async () => {
    const total = 100_000;
    // The old generation is capped: a leak of a few hundred bytes a document would end the child
    // with an out-of-memory error long before 100,000 (the run needs under 40 MB of heap).
    const child = spawn(process.execPath, ['--max-old-space-size=48', cliBundle(), 'detect', '--model', 'none', '--jsonl', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const rss = (): number => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    };
    let lines = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const samples: [number, number][] = [];
    // Written with backpressure: the writer waits for the child, so the child's memory is what is measured.
    const stdin = child.stdin;
    assert.ok(stdin);
    for (let i = 0; i < total; i++) {
      if (!stdin.write(JSON.stringify({ id: i, text: TEXTS[i % 2] }) + '\n')) await new Promise((r) => stdin.once('drain', r));
      if ((i + 1) % 10_000 === 0) samples.push([i + 1, rss()]);
    }
    stdin.end();
    assert.equal(await exited, 0, stderr);
    assert.match(stderr, /^100000 documents$/m);
    assert.ok(lines >= total, `${lines} spans for ${total} documents`);
    const afterWarmUp = samples.filter(([n]) => n >= 20_000).map(([, mb]) => mb);
    const growth = Math.max(...afterWarmUp) - (afterWarmUp[0] ?? 0);
    // Resident memory also counts the collector's slack (measured: about 110 MB at 20,000 documents,
    // under 130 MB at 100,000 and at 300,000); a leak of 500 bytes a document would add 40 MB here.
    assert.ok(growth < 40, `resident memory grew ${growth.toFixed(1)} MB from 20,000 to 100,000 documents: ${samples.map(([n, mb]) => `${n}:${mb.toFixed(0)}`).join(' ')}`);
  });
});
