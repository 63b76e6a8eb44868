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

  /** A result card: highlighted text, a summary line and, when asked for, a per-token table. */
  function renderResult(doc, item, L) {
    const result = item.result || { spans: [] };
    const card = el(doc, 'div', 'cw-result');
    const count = result.spans ? result.spans.length : 0;
    const meta = [`${count} ${count === 1 ? L.entity || 'entity' : L.entities || 'entities'}`];
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
      const mark = el(doc, 'mark', 'cw-entity');
      mark.setAttribute('data-type', String(span.type));
      mark.setAttribute('data-score', score);
      mark.setAttribute('title', `${span.type} ${score} (${(span.detectors || []).join(', ')})`);
      mark.appendChild(doc.createTextNode(segment.text));
      mark.appendChild(el(doc, 'span', 'cw-label', `${span.type} ${score}`));
      text.appendChild(mark);
    }
    card.appendChild(text);
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

  const api = { segmentText, renderResult, describeModel, formatBytes };
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
  const setStatus = (message, isError) => {
    const status = $('cw-status');
    status.textContent = message || '';
    status.className = isError ? 'cw-error' : '';
  };
  const run = () => {
    const text = String(textBox.value || '');
    vscode.setState({ text });
    if (!text.trim()) {
      setStatus(L.empty || '');
      return;
    }
    setStatus(L.running || '');
    vscode.postMessage({ type: 'run', text, tokens: tokensWanted() });
  };

  $('cw-run').addEventListener('click', run);
  textBox.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) run();
  });
  $('cw-widget').addEventListener('click', () => {
    setStatus(L.running || '');
    vscode.postMessage({ type: 'widgetExamples', tokens: tokensWanted() });
  });
  $('cw-random').addEventListener('click', () => {
    setStatus(L.running || '');
    vscode.postMessage({ type: 'randomRow', tokens: tokensWanted() });
  });
  $('cw-pick-model').addEventListener('click', () => vscode.postMessage({ type: 'pickModel' }));

  window.addEventListener('message', (event) => {
    const message = event.data || {};
    if (message.type === 'results') {
      const results = $('cw-results');
      results.replaceChildren(...(message.items || []).map((item) => renderResult(document, item, L)));
      const first = (message.items || [])[0];
      $('cw-model').textContent = describeModel(message.model, first && first.result ? first.result.inferenceMs : undefined, L);
      setStatus('');
    } else if (message.type === 'setText') {
      textBox.value = String(message.text || '');
      vscode.setState({ text: textBox.value });
    } else if (message.type === 'model') {
      $('cw-model').textContent = describeModel(message.model, undefined, L);
    } else if (message.type === 'error') {
      setStatus(String(message.message || ''), true);
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
