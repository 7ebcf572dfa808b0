import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseProject } from '../../../src/core/project/parseProject';
import { assigneesOf, guidelineSummary, guidelineText, isAssignedTo, projectRelationTypes } from '../../../src/core/project/projectQueries';

const root = path.resolve(__dirname, '..', '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'project.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

/** A project of our own: two annotators, two labels with guidelines. */
const PROJECT = `tawsim-project: 1
labels:
  - id: PER
    en: Person
    ar: شخص
    color: "#e8a33d"
    key: 1
    guidelines:
      en: |
        # Person

        A **named** person, without titles: tag [محمد](https://example.org) in "الرئيس محمد".

        Nicknames count too.
      ar: |
        اسم شخص بلا لقب.
  - id: FAC
    en: Facility
    ar: منشأة
    color: "#123456"
    guidelines: Buildings, ports and airports.
annotators:
  - layla
  - id: omar
    name: Omar Haddad
assignments:
  layla: ["news/2024/*.txt", cairo.txt]
  omar: "news/**"
sidecar:
  pattern: \${file}.\${annotator}.ann.yaml
recognizer:
  model: false
  threshold: 0.5
relations:
  - id: works-for
`;

describe('.tawsim/project.yaml', () => {
  it('reads labels with guidelines, annotators, assignments, the sidecar pattern and the recogniser settings', () => {
    const { project, problems } = parseProject(PROJECT);
    assert.deepEqual(problems, []);
    assert.ok(project);
    assert.deepEqual(
      project.labels?.map((l) => [l.id, l.en, l.ar, l.color, l.key]),
      [
        ['PER', 'Person', 'شخص', '#e8a33d', '1'],
        ['FAC', 'Facility', 'منشأة', '#123456', undefined],
      ],
    );
    assert.deepEqual(project.annotators, [{ id: 'layla' }, { id: 'omar', name: 'Omar Haddad' }]);
    assert.deepEqual(project.assignments, { layla: ['news/2024/*.txt', 'cairo.txt'], omar: ['news/**'] });
    assert.equal(project.sidecarPattern, '${file}.${annotator}.ann.yaml');
    assert.deepEqual(project.recognizer, { model: false, threshold: 0.5 });
    assert.deepEqual(projectRelationTypes(project), [{ id: 'works-for' }]);
    assert.equal(validate(parse(PROJECT)), true, JSON.stringify(validate.errors));
  });

  it('matches assignments by glob and by path', () => {
    const { project } = parseProject(PROJECT);
    assert.ok(project);
    assert.equal(isAssignedTo(project, 'layla', 'news/2024/a.txt'), true);
    assert.equal(isAssignedTo(project, 'layla', 'news/2024/deep/a.txt'), false);
    assert.equal(isAssignedTo(project, 'layla', 'cairo.txt'), true);
    assert.equal(isAssignedTo(project, 'nobody', 'cairo.txt'), false);
    assert.deepEqual(assigneesOf(project, 'news/2024/a.txt'), ['layla', 'omar']);
    assert.deepEqual(assigneesOf(project, 'news/2023/x/b.txt'), ['omar']);
  });

  it('summarises a guideline to its first paragraph in the language asked, without Markdown marks', () => {
    const labels = parseProject(PROJECT).project?.labels ?? [];
    const per = labels[0]?.guidelines;
    assert.equal(guidelineSummary(per, 'en'), 'A named person, without titles: tag محمد in "الرئيس محمد".');
    assert.equal(guidelineSummary(per, 'ar'), 'اسم شخص بلا لقب.');
    assert.equal(guidelineText(labels[1]?.guidelines, 'ar'), 'Buildings, ports and airports.', 'the other language when one is missing');
    assert.equal(guidelineSummary({ en: 'word '.repeat(100) }, 'en', 40)?.length, 40);
  });

  const broken: [string, string, number, RegExp][] = [
    ['a missing version', 'labels: []\n', 1, /"tawsim-project: 1" is missing/],
    ['a newer version', 'tawsim-project: 3\n', 1, /newer than this version of Tawsim reads/],
    ['a bad label id', 'tawsim-project: 1\nlabels:\n  - id: "9 lives"\n', 3, /"id" must be a label id/],
    ['a bad colour', 'tawsim-project: 1\nlabels:\n  - id: PER\n    color: red\n', 4, /"color" of PER must be #rrggbb/],
    ['a label twice', 'tawsim-project: 1\nlabels:\n  - id: PER\n  - id: PER\n', 4, /defined twice/],
    ['a pattern that is not a sidecar', 'tawsim-project: 1\nsidecar:\n  pattern: ${file}.md\n', 3, /must end in \.ann\.yaml/],
    ['a threshold out of range', 'tawsim-project: 1\nrecognizer:\n  threshold: 2\n', 3, /from 0 to 1/],
    ['assignments that are not globs', 'tawsim-project: 1\nassignments:\n  layla:\n    - 7\n', 4, /list of globs or paths/],
  ];
  /** JSON schema has no "unique by id" for a list of mappings: the reader alone finds a label twice. */
  const readerOnly = new Set(['a label twice']);
  for (const [what, text, line, message] of broken) {
    it(`refuses ${what}, naming the line${readerOnly.has(what) ? '' : ', as the JSON schema does'}`, () => {
      const { project, problems } = parseProject(text);
      assert.equal(project, undefined);
      const error = problems.find((p) => p.severity === 'error');
      assert.match(error?.message ?? '', message);
      assert.equal(error?.line, line);
      if (!readerOnly.has(what)) assert.equal(validate(parse(text)), false, 'the schema the editor contributes refuses it too');
    });
  }

  it('takes an unknown key as a warning on its line, and a YAML error as an error on its line', () => {
    const unknown = parseProject('tawsim-project: 1\ncolours: {}\n');
    assert.ok(unknown.project);
    assert.deepEqual(
      unknown.problems.map((p) => [p.severity, p.line]),
      [['warning', 2]],
    );
    const syntax = parseProject('tawsim-project: 1\nlabels: [\n');
    assert.equal(syntax.project, undefined);
    assert.equal(syntax.problems[0]?.severity, 'error');
  });

  it('is contributed to the YAML language service for .tawsim/project.yaml', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { yamlValidation?: { fileMatch: string; url: string }[] } };
    const entry = manifest.contributes.yamlValidation?.find((v) => v.url === './schemas/project.schema.json');
    assert.ok(entry);
    assert.match(entry.fileMatch, /\.tawsim\/project\.yaml$/);
    assert.match(fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8'), /^!schemas\/project\.schema\.json$/m);
  });
});
