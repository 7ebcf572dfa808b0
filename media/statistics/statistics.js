// Annotation statistics webview. Loaded with a nonce under a strict CSP: no inline script or style,
// no framework, no innerHTML (document, label and annotator names come from users, so everything
// goes in as text). Bars are sized through the CSSOM, which the CSP allows, unlike style attributes.
// The extension posts { type: 'statistics', statistics, strings, labels } where statistics is the
// object of src/core/stats/workspaceStatistics.ts and strings holds every visible string, localised.
// @ts-check
(function () {
  'use strict';

  /* global acquireVsCodeApi */
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const root = document.getElementById('root') || document.body;
  const LABEL_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
  const HEX = /^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/;

  /** @type {Record<string, string>} */
  let strings = {};

  /** @param {string} key */
  function t(key) {
    return typeof strings[key] === 'string' ? strings[key] : key;
  }

  /** @param {string} template @param {...(string|number)} args */
  function format(template, ...args) {
    return template.replace(/\{(\d+)\}/g, (m, i) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
  }

  /** From ../webview/dom.js, loaded first. */
  const el = window.tawsimDom.el;

  /** A name typed by people (document, annotator, label): its own direction, Arabic or not. */
  function name(text) {
    return el('bdi', { text: String(text), dir: 'auto' });
  }

  /** @param {number} part @param {number} whole */
  function percent(part, whole) {
    return whole > 0 ? Math.round((part / whole) * 100) : 0;
  }

  /**
   * A bar of `parts` (each a share of `max`) in the given colours; the widths are set through the
   * CSSOM. @param {{ value: number, color: string, className?: string }[]} parts @param {number} max
   */
  function bar(parts, max) {
    const track = el('div', { className: 'track' });
    for (const part of parts) {
      if (part.value <= 0) continue;
      const fill = el('div', { className: `fill ${part.className || ''}` });
      fill.style.width = `${max > 0 ? (part.value / max) * 100 : 0}%`;
      fill.style.setProperty('--bar-color', part.color);
      track.appendChild(fill);
    }
    return track;
  }

  /** The theme's colour for a label when it has one, else the configured colour. */
  function labelColor(id, labels) {
    const def = labels.find((l) => l.id === id);
    const fallback = def && HEX.test(def.color) ? def.color : 'var(--vscode-charts-foreground, var(--vscode-descriptionForeground))';
    return LABEL_ID.test(id) ? `var(--vscode-tawsim-label-${id}, ${fallback})` : fallback;
  }

  /** @param {string} label @param {number} part @param {number} whole @param {string} hint */
  function progress(label, part, whole, hint) {
    const box = el('div', { className: 'progress', title: hint });
    box.dataset.kind = label;
    const head = el('div', { className: 'progress-head' }, [
      el('span', { className: 'progress-label', text: label }),
      el('span', { className: 'progress-figure', text: `${format(t('ofTotal'), part, whole)} · ${percent(part, whole)}%` }),
    ]);
    box.appendChild(head);
    box.appendChild(bar([{ value: part, color: 'var(--vscode-progressBar-background, var(--vscode-charts-blue))' }], whole));
    return box;
  }

  /** @param {string} label @param {number} value */
  function card(label, value) {
    return el('div', { className: 'card' }, [el('div', { className: 'card-value', text: String(value) }), el('div', { className: 'card-label', text: label })]);
  }

  /**
   * One chart row: a name, a bar and its figures.
   * @param {Node} title @param {HTMLElement} track @param {string} figures @param {string} [tooltip]
   */
  function chartRow(title, track, figures, tooltip) {
    const row = el('div', { className: 'chart-row', title: tooltip || '' }, [el('div', { className: 'chart-name' }, [title]), track, el('div', { className: 'chart-figures', text: figures })]);
    return row;
  }

  function counts(x) {
    return `${x.accepted} · ${x.suggested} · ${x.rejected}`;
  }

  function countsTitle() {
    return `${t('accepted')} · ${t('suggested')} · ${t('rejected')}`;
  }

  /** @param {any} stats @param {{ id: string, name: string, color: string }[]} labels */
  function labelChart(stats, labels) {
    const section = el('section', { className: 'chart labels' }, [el('h2', { text: t('byLabel') })]);
    const max = Math.max(1, ...stats.labels.map((l) => l.accepted + l.suggested));
    for (const l of stats.labels) {
      const def = labels.find((x) => x.id === l.label);
      const color = labelColor(l.label, labels);
      const title = el('span', { className: 'label-name' }, [el('span', { className: 'swatch' }), name(l.label)]);
      /** @type {HTMLElement} */ (title.firstChild).style.setProperty('--bar-color', color);
      if (def) title.appendChild(el('span', { className: 'muted', text: ` ${def.name}` }));
      if (!l.known) title.appendChild(el('span', { className: 'muted unknown', text: ` (${t('unknownLabel')})` }));
      const track = bar(
        [
          { value: l.accepted, color },
          { value: l.suggested, color, className: 'light' },
        ],
        max,
      );
      section.appendChild(chartRow(title, track, counts(l), `${countsTitle()} — ${t('documents')}: ${l.documents}`));
    }
    section.appendChild(el('p', { className: 'hint', text: `${t('chartHint')} ${countsTitle()}.` }));
    return section;
  }

  /** @param {any} stats */
  function annotatorChart(stats) {
    const section = el('section', { className: 'chart annotators' }, [el('h2', { text: t('byAnnotator') })]);
    const max = Math.max(1, ...stats.annotators.map((a) => a.accepted + a.suggested));
    for (const a of stats.annotators) {
      const track = bar(
        [
          { value: a.accepted, color: 'var(--vscode-charts-blue)' },
          { value: a.suggested, color: 'var(--vscode-charts-blue)', className: 'light' },
        ],
        max,
      );
      section.appendChild(chartRow(name(a.annotator), track, counts(a), `${countsTitle()} — ${t('documents')}: ${a.documents}, ${t('annotated')}: ${a.annotated}`));
    }
    return section;
  }

  /** @param {any} stats */
  function documentTable(stats) {
    const section = el('section', { className: 'documents' });
    const table = el('table');
    table.appendChild(el('caption', { text: t('byDocument') }));
    const headings = [t('document'), t('annotators'), t('accepted'), t('suggested'), t('rejected'), t('annotated'), t('reviewed'), ''];
    table.appendChild(el('thead', {}, [el('tr', {}, headings.map((h) => el('th', { text: h })))]));
    const body = el('tbody');
    const max = Math.max(1, ...stats.documents.map((d) => d.accepted));
    for (const d of stats.documents) {
      const open = el('button', { className: 'link', title: t('openHint') }, [name(d.path)]);
      open.addEventListener('click', () => {
        if (vscode) vscode.postMessage({ type: 'open', path: d.path });
      });
      const mark = (on) => el('td', { className: `mark ${on ? 'on' : 'off'}`, text: on ? '✓' : '—', title: on ? t('yes') : t('no') });
      const row = el('tr', {}, [
        el('td', { className: 'name' }, [open]),
        el('td', { className: 'name' }, [name(d.annotators.join('، '))]),
        el('td', { className: 'num', text: String(d.accepted) }),
        el('td', { className: 'num', text: String(d.suggested) }),
        el('td', { className: 'num', text: String(d.rejected) }),
        mark(d.annotated),
        mark(d.reviewed),
        el('td', { className: 'mini' }, [bar([{ value: d.accepted, color: 'var(--vscode-charts-green)' }], max)]),
      ]);
      body.appendChild(row);
    }
    table.appendChild(body);
    section.appendChild(table);
    return section;
  }

  /** @param {any} message */
  function render(message) {
    strings = message.strings || {};
    const stats = message.statistics;
    const labels = Array.isArray(message.labels) ? message.labels : [];
    const totals = stats.totals;
    root.replaceChildren();
    const refresh = el('button', { text: t('refresh') });
    refresh.addEventListener('click', () => {
      if (vscode) vscode.postMessage({ type: 'refresh' });
    });
    root.appendChild(el('header', {}, [el('h1', { text: t('title') }), el('div', { className: 'toolbar' }, [refresh])]));
    if (totals.documents === 0) {
      root.appendChild(el('p', { className: 'hint empty', text: t('noData') }));
      return;
    }
    root.appendChild(
      el('section', { className: 'progress-section' }, [
        el('h2', { text: t('progress') }),
        progress(t('annotated'), totals.annotated, totals.documents, t('annotatedHint')),
        progress(t('reviewed'), totals.reviewed, totals.documents, t('reviewedHint')),
      ]),
    );
    if (message.progress) {
      root.appendChild(
        el('section', { className: 'progress-section assigned' }, [
          el('h2', { text: t('assignedProgress') }),
          ...message.progress.map((p) => progress(p.annotator, p.done, p.assigned, format(t('assignedHint'), p.inProgress))),
        ]),
      );
    }
    root.appendChild(
      el('section', { className: 'cards' }, [
        card(t('documents'), totals.documents),
        card(t('accepted'), totals.accepted),
        card(t('suggested'), totals.suggested),
        card(t('rejected'), totals.rejected),
        card(t('annotators'), totals.annotators),
        card(t('gold'), totals.gold),
        card(t('orphans'), totals.orphans),
      ]),
    );
    root.appendChild(el('div', { className: 'charts' }, [labelChart(stats, labels), annotatorChart(stats)]));
    root.appendChild(documentTable(stats));
    if (message.model) root.appendChild(modelSection(message.model));
  }

  function figuresTable(caption, rows) {
    const head = el('tr', {}, ['label', 'goldCount', 'found', 'right', 'precision', 'recall', 'f1'].map((k) => el('th', { text: t(k) })));
    const body = rows.map((r) =>
      el(
        'tr',
        {},
        [r.label === 'micro' ? 'micro' : r.label, r.gold, r.predicted, r.correct, r.precision.toFixed(3), r.recall.toFixed(3), r.f1.toFixed(3)].map((v) => el('td', { text: String(v) })),
      ),
    );
    return el('table', { className: 'model-figures' }, [el('caption', { text: caption }), el('thead', {}, [head]), el('tbody', {}, body)]);
  }

  /** The model's held-out figures beside the rules', as the extension sends them. */
  function modelSection(model) {
    const parts = [el('h2', { text: t('model') })];
    if (model.kind === 'workspace' && model.model) {
      parts.push(el('p', { className: 'hint', text: format(t('modelWorkspace'), model.trainLines, model.heldOutLines, model.finished ? new Date(model.finished).toLocaleString() : '') }));
      if (model.keptBase) parts.push(el('p', { className: 'hint', text: t('modelKeptBase') }));
      parts.push(figuresTable(t('modelHeldOut'), model.model));
      if (model.rules) parts.push(figuresTable(t('rulesHeldOut'), model.rules));
      if (model.ruleLabels && model.ruleLabels.length > 0) parts.push(el('p', { className: 'hint', text: format(t('ruleLabels'), model.ruleLabels.join(', ')) }));
    } else {
      parts.push(el('p', { className: 'hint', text: t('modelBase') }));
    }
    parts.push(el('p', { className: 'hint', text: format(t('modelOnline'), model.onlineUpdates) }));
    if (model.refitting) parts.push(el('p', { className: 'hint', text: t('modelRefitting') }));
    return el('section', { className: 'model-section' }, parts);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'statistics' && message.statistics) render(message);
  });
})();
