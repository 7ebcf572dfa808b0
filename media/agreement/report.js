// Agreement report webview. Loaded with a nonce under a strict CSP: no inline script or style, no
// framework, no innerHTML (document names and labels come from users, so everything goes in as text).
// The extension posts { type: 'report', report, strings } where report is the JSON object of
// src/core/review/measureAgreement.ts and strings holds every visible string, already localised.
// @ts-check
(function () {
  'use strict';

  /* global acquireVsCodeApi */
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const root = document.getElementById('root') || document.body;

  /** @type {any} */
  let report;
  /** @type {Record<string, string>} */
  let strings = {};

  /** @param {string} key */
  function t(key) {
    return typeof strings[key] === 'string' ? strings[key] : key;
  }

  /** From ../webview/dom.js, loaded first. */
  const el = window.tawsimDom.el;

  /** A cell for a name typed by people (document, annotator, label): its own direction, Arabic or not. */
  function nameCell(text) {
    const td = el('td', { className: 'name' });
    td.appendChild(el('bdi', { text: String(text), dir: 'auto' }));
    td.dataset.sort = String(text);
    return td;
  }

  /** @param {{ value: number | null, reason?: string, items: number, unit: string }} figure */
  function figureCell(figure) {
    if (!figure || figure.value === null || figure.value === undefined) {
      const td = el('td', { className: 'num na', text: t('notAvailable'), title: figure && figure.reason ? figure.reason : '' });
      td.dataset.sort = '';
      return td;
    }
    const td = el('td', { className: 'num', text: figure.value.toFixed(3), title: `${figure.items} ${figure.unit === 'spans' ? t('spans') : t('tokens')}` });
    td.dataset.sort = String(figure.value);
    return td;
  }

  /** @param {number} n */
  function countCell(n) {
    const td = el('td', { className: 'num', text: String(n) });
    td.dataset.sort = String(n);
    return td;
  }

  /** @param {string} label @param {boolean | null} known */
  function labelCell(label, known) {
    const td = nameCell(label);
    if (known === false) {
      td.classList.add('unknown');
      td.title = t('unknownLabel');
    }
    return td;
  }

  /**
   * A table whose columns sort on a click on their heading (or Enter/Space on it): numbers as
   * numbers, names in the UI locale's order, undefined figures always last.
   * @param {string} caption @param {string[]} headings @param {HTMLTableRowElement[]} rows
   */
  function sortableTable(caption, headings, rows) {
    const table = el('table', { className: 'figures' });
    table.appendChild(el('caption', { text: caption }));
    const headRow = el('tr');
    const tbody = el('tbody');
    headings.forEach((heading, column) => {
      const th = el('th', { text: heading, title: t('sortHint') });
      th.setAttribute('scope', 'col');
      th.setAttribute('tabindex', '0');
      th.setAttribute('aria-sort', 'none');
      const sort = () => sortBy(table, tbody, column, th);
      th.addEventListener('click', sort);
      th.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          sort();
        }
      });
      headRow.appendChild(th);
    });
    table.appendChild(el('thead', {}, [headRow]));
    for (const row of rows) tbody.appendChild(row);
    table.appendChild(tbody);
    return table;
  }

  /** @param {HTMLElement} table @param {HTMLElement} tbody @param {number} column @param {HTMLElement} th */
  function sortBy(table, tbody, column, th) {
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    for (const other of table.querySelectorAll('th')) other.setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
    const rows = Array.from(tbody.querySelectorAll('tr'));
    rows.sort((a, b) => {
      const x = sortKey(a, column);
      const y = sortKey(b, column);
      if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
      const nx = Number(x);
      const ny = Number(y);
      const order = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : collator.compare(x, y);
      return ascending ? order : -order;
    });
    for (const row of rows) tbody.appendChild(row);
  }

  /** @param {HTMLTableRowElement} row @param {number} column */
  function sortKey(row, column) {
    const cell = row.cells[column];
    return cell ? (cell.dataset.sort ?? cell.textContent ?? '') : '';
  }

  function pairName(pair) {
    return `${pair.a} ↔ ${pair.b}`;
  }

  function pairRow(pair, label, known) {
    const tr = el('tr');
    tr.appendChild(nameCell(pairName(pair)));
    tr.appendChild(label === null ? el('td', { className: 'name all', text: t('allLabels') }) : labelCell(label, known));
    tr.appendChild(countCell(pair.exact.spansA));
    tr.appendChild(countCell(pair.exact.spansB));
    for (const f of [pair.exact.precision, pair.exact.recall, pair.exact.f1, pair.overlap.precision, pair.overlap.recall, pair.overlap.f1, pair.cohenKappa]) {
      tr.appendChild(figureCell(f));
    }
    tr.appendChild(countCell(pair.cohenKappa.items));
    return tr;
  }

  function pairsSection(figures) {
    const rows = [];
    figures.pairs.forEach((pair, i) => {
      rows.push(pairRow(pair, null, null));
      for (const label of figures.labels) {
        const lp = label.pairs[i];
        if (lp && lp.exact.spansA + lp.exact.spansB > 0) rows.push(pairRow(lp, label.label, label.known));
      }
    });
    const headings = [t('pair'), t('label'), `${t('spans')} (1)`, `${t('spans')} (2)`, t('exactPrecision'), t('exactRecall'), t('exactF1'), t('overlapPrecision'), t('overlapRecall'), t('overlapF1'), t('cohenKappa'), t('tokens')];
    return sortableTable(t('perLabel'), headings, rows);
  }

  function groupSection(figures) {
    const rows = [];
    const all = el('tr', {}, [el('td', { className: 'name all', text: t('allLabels') }), countCell(figures.spans), figureCell(figures.krippendorffAlpha), figureCell(figures.fleissKappa), countCell(figures.krippendorffAlpha.items)]);
    rows.push(all);
    for (const label of figures.labels) {
      rows.push(el('tr', {}, [labelCell(label.label, label.known), countCell(label.spans), figureCell(label.krippendorffAlpha), figureCell(label.fleissKappa), countCell(label.krippendorffAlpha.items)]));
    }
    return sortableTable(t('groupFigures'), [t('label'), t('spans'), t('krippendorffAlpha'), t('fleissKappa'), t('tokens')], rows);
  }

  function confusionSection(matrix) {
    const table = el('table', { className: 'confusion' });
    const caption = el('caption');
    caption.appendChild(el('span', { text: `${t('confusion')}: ` }));
    caption.appendChild(el('bdi', { text: matrix.a, dir: 'auto' }));
    caption.appendChild(document.createTextNode(' ↓ · '));
    caption.appendChild(el('bdi', { text: matrix.b, dir: 'auto' }));
    caption.appendChild(document.createTextNode(' →'));
    table.appendChild(caption);
    const head = el('tr', {}, [el('th', { className: 'corner' })]);
    for (const label of matrix.labels) {
      const th = el('th', {}, [el('bdi', { text: label, dir: 'auto' })]);
      th.setAttribute('scope', 'col');
      head.appendChild(th);
    }
    table.appendChild(el('thead', {}, [head]));
    const body = el('tbody');
    const max = Math.max(1, ...matrix.counts.flat());
    matrix.labels.forEach((rowLabel, i) => {
      const th = el('th', {}, [el('bdi', { text: rowLabel, dir: 'auto' })]);
      th.setAttribute('scope', 'row');
      const tr = el('tr', {}, [th]);
      (matrix.counts[i] || []).forEach((n, j) => {
        // Five shades by share of the largest cell: classes, not inline styles, which the CSP forbids.
        const shade = n === 0 ? 0 : 1 + Math.min(3, Math.floor((n / max) * 4));
        tr.appendChild(el('td', { className: `num heat-${shade}${i === j ? ' diagonal' : ''}`, text: String(n) }));
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    const wrap = el('div', { className: 'matrix' }, [table]);
    wrap.appendChild(el('p', { className: 'hint', text: t('confusionHint') }));
    return wrap;
  }

  function documentsSection(documents) {
    const rows = [];
    for (const doc of documents) {
      const f = doc.figures;
      if (f.pairs.length === 0) {
        rows.push(el('tr', {}, [nameCell(doc.document), el('td', { className: 'name', text: '' }), figureCell(null), figureCell(null), figureCell(null), figureCell(f.krippendorffAlpha), countCell(f.tokens), countCell(f.spans)]));
      }
      for (const pair of f.pairs) {
        rows.push(el('tr', {}, [nameCell(doc.document), nameCell(pairName(pair)), figureCell(pair.exact.f1), figureCell(pair.overlap.f1), figureCell(pair.cohenKappa), figureCell(f.krippendorffAlpha), countCell(f.tokens), countCell(f.spans)]));
      }
    }
    return sortableTable(t('perDocument'), [t('document'), t('pair'), t('exactF1'), t('overlapF1'), t('cohenKappa'), t('krippendorffAlpha'), t('tokens'), t('spans')], rows);
  }

  /** Relation agreement over the whole report (every pair summed), with its counts under the table. */
  function relationsSection(r) {
    const row = el('tr', {}, [figureCell(r.f1), figureCell(r.precision), figureCell(r.recall)]);
    const table = sortableTable(t('relations'), [t('exactF1'), t('exactPrecision'), t('exactRecall')], [row]);
    table.classList.add('relations');
    const counts = t('relationCounts').replace('{0}', String(r.matched)).replace('{1}', String(r.onlyFirst)).replace('{2}', String(r.onlySecond));
    return el('section', { className: 'relations' }, [table, el('p', { className: 'hint', text: counts })]);
  }

  function exportButton(format, key) {
    const button = el('button', { text: t(key) });
    button.type = 'button';
    button.addEventListener('click', () => {
      if (vscode) vscode.postMessage({ type: 'export', format });
    });
    return button;
  }

  function summary(total) {
    const dl = el('dl', { className: 'summary' });
    const add = (term, value) => {
      dl.appendChild(el('dt', { text: term }));
      dl.appendChild(el('dd', {}, [value]));
    };
    add(t('documents'), document.createTextNode(String(total.documents)));
    const names = el('span');
    total.annotators.forEach((name, i) => {
      if (i > 0) names.appendChild(document.createTextNode(', '));
      names.appendChild(el('bdi', { text: name, dir: 'auto' }));
    });
    add(t('annotators'), names);
    add(t('tokens'), document.createTextNode(String(total.tokens)));
    add(t('spans'), document.createTextNode(String(total.spans)));
    return dl;
  }

  function excludedList(excluded) {
    const list = el('ul', { className: 'excluded' });
    for (const e of excluded) {
      const item = el('li');
      if (e.document) {
        item.appendChild(el('bdi', { text: e.document, dir: 'auto' }));
        item.appendChild(document.createTextNode(' · '));
      }
      item.appendChild(el('bdi', { text: e.annotator, dir: 'auto' }));
      item.appendChild(document.createTextNode(' — '));
      item.appendChild(el('span', { text: e.reason, dir: 'auto' }));
      list.appendChild(item);
    }
    return el('section', {}, [el('h2', { text: t('excluded') }), list]);
  }

  function render() {
    root.replaceChildren();
    const header = el('header', {}, [el('h1', { text: t('title') })]);
    const toolbar = el('div', { className: 'toolbar' }, [exportButton('csv', 'exportCsv'), exportButton('json', 'exportJson')]);
    header.appendChild(toolbar);
    root.appendChild(header);
    if (!report || !report.total) {
      root.appendChild(el('p', { className: 'hint', text: t('noData') }));
      return;
    }
    const total = report.total;
    root.appendChild(summary(total));
    if (total.excluded.length > 0) root.appendChild(excludedList(total.excluded));
    if (total.pairs.length === 0 && total.annotators.length < 2) {
      root.appendChild(el('p', { className: 'hint', text: t('noData') }));
    }
    root.appendChild(el('p', { className: 'hint', text: t('sortHint') }));
    if (total.pairs.length > 0) root.appendChild(el('section', {}, [pairsSection(total)]));
    root.appendChild(el('section', {}, [groupSection(total)]));
    if (total.confusion.length > 0) {
      root.appendChild(el('section', { className: 'matrices' }, total.confusion.map(confusionSection)));
    }
    if (report.relations) root.appendChild(relationsSection(report.relations));
    if (report.documents.length > 0) root.appendChild(el('section', {}, [documentsSection(report.documents)]));
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'report') return;
    report = message.report;
    strings = message.strings || {};
    // Kept so the panel comes back as it was when VS Code hides and shows it again.
    if (vscode) vscode.setState({ report, strings });
    render();
  });

  const saved = vscode ? vscode.getState() : undefined;
  if (saved && saved.report) {
    report = saved.report;
    strings = saved.strings || {};
  }
  render();
})();
