// The Test Classifier view's page script. Runs in the webview (loaded as a nonce-tagged module) and,
// for its pure parts, in plain Node tests (require() sees module.exports). Every string that comes
// from a dataset or the server is put into the page with textContent or setAttribute, never as HTML.
(function () {
  'use strict';

  /**
   * Splits text into plain runs and entity runs. Spans are sorted and clamped; a span overlapping an
   * earlier one is dropped (the server already fuses overlaps; this only guards the page).
   */
  function segmentText(text, spans) {
    const sorted = (Array.isArray(spans) ? spans : [])
      .filter((s) => s && Number.isFinite(s.start) && Number.isFinite(s.end))
      .map((s) => Object.assign({}, s, { start: Math.max(0, Math.min(text.length, s.start)), end: Math.max(0, Math.min(text.length, s.end)) }))
      .filter((s) => s.end > s.start)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const segments = [];
    let at = 0;
    for (const span of sorted) {
      if (span.start < at) continue;
      if (span.start > at) segments.push({ text: text.slice(at, span.start) });
      segments.push({ text: text.slice(span.start, span.end), span });
      at = span.end;
    }
    if (at < text.length) segments.push({ text: text.slice(at) });
    return segments;
  }

  function formatBytes(bytes) {
    if (!Number.isFinite(bytes) || bytes <= 0) return '';
    const units = ['B', 'KB', 'MB', 'GB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
  }

  /** One line about the loaded model: name · size · quantization · load ms · inference ms. */
  function describeModel(model, inferenceMs, L) {
    if (!model) return L.noModel || '';
    const parts = [model.name, formatBytes(model.sizeBytes), model.quantization];
    if (Number.isFinite(model.loadMs)) parts.push(`${L.load || 'load'} ${Math.round(model.loadMs)} ms`);
    if (Number.isFinite(inferenceMs)) parts.push(`${L.inference || 'inference'} ${Math.round(inferenceMs)} ms`);
    return parts.filter(Boolean).join(' · ');
  }

  function el(doc, tag, className, text) {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  /**
   * A result card: highlighted text, a summary line and, when asked for, a per-token table.
   * Context spans (`context: true`: organizations and places, which the model labels to tell them
   * from names) are marked apart from personal data, counted apart, and explained by a legend.
   */
  function renderResult(doc, item, L) {
    const result = item.result || { spans: [] };
    const card = el(doc, 'div', 'cw-result');
    const spans = Array.isArray(result.spans) ? result.spans : [];
    const contextCount = spans.filter((s) => s && s.context === true).length;
    const count = spans.length - contextCount;
    const meta = [`${count} ${count === 1 ? L.entity || 'entity' : L.entities || 'entities'}`];
    if (contextCount > 0) meta.push(`${contextCount} ${L.contextCount || 'context'}`);
    if (Number.isFinite(result.inferenceMs)) meta.push(`${Math.round(result.inferenceMs)} ms`);
    card.appendChild(el(doc, 'div', 'cw-meta', meta.join(' · ')));
    if (result.modelError) card.appendChild(el(doc, 'div', 'cw-error', `${L.modelError || 'Model not loaded'}: ${result.modelError}`));
    const text = el(doc, 'div', 'cw-text');
    for (const segment of segmentText(String(item.text || ''), result.spans)) {
      if (!segment.span) {
        text.appendChild(doc.createTextNode(segment.text));
        continue;
      }
      const span = segment.span;
      const score = Number(span.score || 0).toFixed(2);
      const context = span.context === true;
      const mark = el(doc, 'mark', context ? 'cw-entity cw-context' : 'cw-entity');
      mark.setAttribute('data-type', String(span.type));
      mark.setAttribute('data-score', score);
      if (context) mark.setAttribute('data-context', 'true');
      const note = context ? ` · ${L.contextLegend || 'context: not personal data by itself'}` : '';
      mark.setAttribute('title', `${span.type} ${score} (${(span.detectors || []).join(', ')})${note}`);
      mark.appendChild(doc.createTextNode(segment.text));
      mark.appendChild(el(doc, 'span', 'cw-label', `${span.type} ${score}`));
      text.appendChild(mark);
    }
    card.appendChild(text);
    if (contextCount > 0) card.appendChild(contextLegend(doc, spans, L));
    if (Array.isArray(result.tokens) && result.tokens.length > 0) {
      const table = el(doc, 'table', 'cw-tokens');
      const head = el(doc, 'tr');
      for (const label of [L.token || 'token', L.label || 'label', L.score || 'score']) head.appendChild(el(doc, 'th', '', label));
      table.appendChild(head);
      for (const token of result.tokens) {
        const row = el(doc, 'tr', token.label === 'O' ? 'cw-outside' : 'cw-inside');
        row.appendChild(el(doc, 'td', 'cw-token', token.token));
        row.appendChild(el(doc, 'td', '', token.label));
        row.appendChild(el(doc, 'td', 'cw-num', Number(token.score || 0).toFixed(3)));
        table.appendChild(row);
      }
      card.appendChild(table);
    }
    return card;
  }

  /** The legend under a result with context spans: their types, marked as in the text, and what they mean. */
  function contextLegend(doc, spans, L) {
    const legend = el(doc, 'div', 'cw-legend');
    const types = [];
    for (const span of spans) if (span && span.context === true && !types.includes(String(span.type))) types.push(String(span.type));
    for (const type of types) {
      const sample = el(doc, 'mark', 'cw-entity cw-context', type);
      sample.setAttribute('data-type', type);
      sample.setAttribute('data-context', 'true');
      legend.appendChild(sample);
      legend.appendChild(doc.createTextNode(' '));
    }
    legend.appendChild(el(doc, 'span', 'cw-legend-text', L.contextLegend || 'context: not personal data by itself'));
    return legend;
  }

  /** One line about the card's own model: name · size · quantization · task · where it was found. */
  function describeCardModel(result, L) {
    const model = result && result.model;
    if (!model) return String((result && result.message) || L.noCardModel || '');
    const where = model.foundBy === 'model-path' ? L.foundByPath || 'cardwright.model_path' : L.foundInFolder || 'next to the card';
    const task = model.task || model.pipelineTag || '';
    return [model.name, formatBytes(model.sizeBytes), model.quantization, task, `${where}: ${model.folder}`].filter(Boolean).join(' · ');
  }

  /** A score bar: the label, a bar as wide as the score, and the score. */
  function scoreRow(doc, label, score, top) {
    const row = el(doc, 'div', top ? 'cw-bar-row cw-top' : 'cw-bar-row');
    const value = Math.max(0, Math.min(1, Number(score) || 0));
    row.setAttribute('data-label', String(label));
    row.setAttribute('data-score', value.toFixed(3));
    row.appendChild(el(doc, 'span', 'cw-bar-label', label));
    const bar = el(doc, 'span', 'cw-bar');
    const fill = el(doc, 'span', 'cw-bar-fill');
    // CSSOM, not a style attribute: the page's CSP allows no inline styles.
    if (fill.style) fill.style.width = `${(value * 100).toFixed(1)}%`;
    bar.appendChild(fill);
    row.appendChild(bar);
    row.appendChild(el(doc, 'span', 'cw-num', value.toFixed(3)));
    return row;
  }

  /** A result of the card's own model: the example's title, its text, and the task's output. */
  function renderCardResult(doc, item, L) {
    const card = el(doc, 'div', 'cw-result cw-card-result');
    if (item.title) card.appendChild(el(doc, 'div', 'cw-title', item.title));
    const output = item.output;
    const text = el(doc, 'div', 'cw-text');
    const spans = output && output.kind === 'spans' ? output.spans.map((s) => ({ start: s.start, end: s.end, type: s.label, score: s.score })) : [];
    for (const segment of segmentText(String(item.text || ''), spans)) {
      if (!segment.span) {
        text.appendChild(doc.createTextNode(segment.text));
        continue;
      }
      const score = Number(segment.span.score || 0).toFixed(2);
      const mark = el(doc, 'mark', 'cw-entity');
      mark.setAttribute('data-type', String(segment.span.type));
      mark.setAttribute('data-score', score);
      mark.appendChild(doc.createTextNode(segment.text));
      mark.appendChild(el(doc, 'span', 'cw-label', `${segment.span.type} ${score}`));
      text.appendChild(mark);
    }
    card.appendChild(text);
    if (output && output.kind === 'labels') {
      const bars = el(doc, 'div', 'cw-bars');
      output.labels.forEach((l, i) => bars.appendChild(scoreRow(doc, l.label, l.score, i === 0)));
      card.appendChild(bars);
    } else if (output && output.kind === 'fills') {
      const bars = el(doc, 'div', 'cw-bars');
      output.fills.forEach((f, i) => bars.appendChild(scoreRow(doc, f.token, f.score, i === 0)));
      card.appendChild(bars);
    } else if (output && output.kind === 'spans' && spans.length === 0) {
      card.appendChild(el(doc, 'div', 'cw-meta', L.noEntities || 'no labelled spans'));
    }
    if (Array.isArray(item.expected) && item.expected.length > 0) {
      const expected = item.expected.map((e) => (Number.isFinite(e.score) ? `${e.label} ${Number(e.score).toFixed(2)}` : e.label)).join(', ');
      card.appendChild(el(doc, 'div', 'cw-meta cw-expected', `${L.expected || 'card expects'}: ${expected}`));
    }
    if (item.mismatch) card.appendChild(el(doc, 'div', 'cw-error cw-mismatch', item.mismatch));
    if (item.error) card.appendChild(el(doc, 'div', 'cw-error', item.error));
    return card;
  }

  const api = { segmentText, renderResult, renderCardResult, describeModel, describeCardModel, formatBytes };
  if (typeof module === 'object' && module && module.exports) {
    module.exports = api;
    return;
  }

  // ---- In the webview ----
  const vscode = acquireVsCodeApi();
  const L = JSON.parse(document.body.dataset.l10n || '{}');
  const $ = (id) => document.getElementById(id);
  const textBox = $('cw-text');
  const saved = vscode.getState() || {};
  if (typeof saved.text === 'string' && !textBox.value) textBox.value = saved.text;

  const tokensWanted = () => Boolean($('cw-tokens').checked);
  /** Which model the buttons run: the PII model or the card's own. */
  let target = saved.target === 'card' ? 'card' : 'pii';
  const showTarget = () => {
    for (const [id, value] of [['cw-target-pii', 'pii'], ['cw-target-card', 'card']]) {
      const button = $(id);
      button.setAttribute('aria-pressed', String(target === value));
      if (target === value) button.removeAttribute('secondary');
      else button.setAttribute('secondary', '');
    }
    $('cw-tokens').hidden = target === 'card';
    $('cw-model').hidden = target === 'card';
    $('cw-pick-model').hidden = target === 'card';
    $('cw-card-model').hidden = target !== 'card';
  };
  const setTarget = (value) => {
    target = value;
    vscode.setState(Object.assign({}, vscode.getState() || {}, { target }));
    showTarget();
    vscode.postMessage({ type: 'target', target });
  };
  const setStatus = (message, isError) => {
    const status = $('cw-status');
    status.textContent = message || '';
    status.className = isError ? 'cw-error' : '';
  };
  const run = () => {
    const text = String(textBox.value || '');
    vscode.setState(Object.assign({}, vscode.getState() || {}, { text }));
    if (!text.trim()) {
      setStatus(L.empty || '');
      return;
    }
    setStatus(L.running || '');
    vscode.postMessage({ type: 'run', text, tokens: tokensWanted(), target });
  };

  $('cw-run').addEventListener('click', run);
  textBox.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) run();
  });
  $('cw-widget').addEventListener('click', () => {
    setStatus(L.running || '');
    vscode.postMessage({ type: 'widgetExamples', tokens: tokensWanted(), target });
  });
  $('cw-random').addEventListener('click', () => {
    setStatus(L.running || '');
    vscode.postMessage({ type: 'randomRow', tokens: tokensWanted(), target });
  });
  $('cw-target-pii').addEventListener('click', () => setTarget('pii'));
  $('cw-target-card').addEventListener('click', () => setTarget('card'));
  $('cw-cancel').addEventListener('click', () => vscode.postMessage({ type: 'cancel' }));
  showTarget();
  $('cw-pick-model').addEventListener('click', () => vscode.postMessage({ type: 'pickModel' }));

  window.addEventListener('message', (event) => {
    const message = event.data || {};
    if (message.type === 'results') {
      const results = $('cw-results');
      results.replaceChildren(...(message.items || []).map((item) => renderResult(document, item, L)));
      const first = (message.items || [])[0];
      $('cw-model').textContent = describeModel(message.model, first && first.result ? first.result.inferenceMs : undefined, L);
      setStatus('');
    } else if (message.type === 'cardResults') {
      $('cw-results').replaceChildren(...(message.items || []).map((item) => renderCardResult(document, item, L)));
      if (message.model) $('cw-card-model').textContent = describeCardModel({ model: message.model }, L);
      setStatus(message.error || (message.cancelled ? L.cancelled || 'Cancelled.' : ''), Boolean(message.error));
    } else if (message.type === 'cardModel') {
      $('cw-card-model').textContent = describeCardModel(message.result, L);
    } else if (message.type === 'setText') {
      textBox.value = String(message.text || '');
      vscode.setState(Object.assign({}, vscode.getState() || {}, { text: textBox.value }));
    } else if (message.type === 'model') {
      $('cw-model').textContent = describeModel(message.model, undefined, L);
    } else if (message.type === 'error') {
      setStatus(String(message.message || ''), true);
    }
  });
  vscode.postMessage({ type: 'ready', target });
})();
