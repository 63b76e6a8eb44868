/**
 * The Test Classifier view's HTML: a pure function (no `vscode`, testable in plain Node). A strict
 * Content-Security-Policy allows only the two nonce-tagged module scripts and the extension's own
 * styles; no inline handlers, no inline styles. Every string the page shows is escaped here, and
 * everything that comes later (dataset text, results) is set by media/classifier.js as textContent.
 */
import { randomBytes } from 'node:crypto';

/** The labels of the page, already localized by the extension. */
export interface ClassifierStrings {
  title: string;
  placeholder: string;
  run: string;
  tokens: string;
  widgetExamples: string;
  randomRow: string;
  model: string;
  pickModel: string;
  noModel: string;
  /** The two models the buttons can run, and the cancel button. */
  piiModel?: string;
  cardModel?: string;
  cancel?: string;
  /** Labels the script uses at run time (passed as data, read with JSON.parse). */
  runtime: Record<string, string>;
}

export interface ClassifierPage {
  /** The webview's `cspSource`. */
  cspSource: string;
  nonce: string;
  /** webview URIs of @vscode-elements/elements' bundled.js, the page script and its stylesheet. */
  elementsUri: string;
  scriptUri: string;
  styleUri: string;
  strings: ClassifierStrings;
  /** Text to show in the text box when the view opens (e.g. the last text run). */
  initialText?: string;
}

/** A nonce for one rendering of the page: 128 random bits, base64. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function classifierHtml(page: ClassifierPage): string {
  const e = escapeHtml;
  const s = page.strings;
  const nonce = e(page.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(page.cspSource, page.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${e(page.styleUri)}">
<title>${e(s.title)}</title>
</head>
<body data-l10n="${e(JSON.stringify(s.runtime))}">
<main id="cw-classifier">
  <section class="cw-input">
    <vscode-textarea id="cw-text" rows="5" resize="vertical" placeholder="${e(s.placeholder)}" aria-label="${e(s.placeholder)}" value="${e(page.initialText ?? '')}"></vscode-textarea>
    <div class="cw-actions">
      <vscode-button id="cw-run">${e(s.run)}</vscode-button>
      <vscode-checkbox id="cw-tokens">${e(s.tokens)}</vscode-checkbox>
    </div>
    <div class="cw-actions">
      <vscode-button id="cw-widget" secondary>${e(s.widgetExamples)}</vscode-button>
      <vscode-button id="cw-random" secondary>${e(s.randomRow)}</vscode-button>
      <vscode-button id="cw-cancel" secondary>${e(s.cancel ?? 'Cancel')}</vscode-button>
    </div>
  </section>
  <section class="cw-model" aria-label="${e(s.model)}">
    <div class="cw-model-head"><span class="cw-heading">${e(s.model)}</span><vscode-button id="cw-pick-model" secondary>${e(s.pickModel)}</vscode-button></div>
    <div class="cw-targets" role="group" aria-label="${e(s.model)}">
      <vscode-button id="cw-target-pii" aria-pressed="true">${e(s.piiModel ?? 'PII model')}</vscode-button>
      <vscode-button id="cw-target-card" secondary aria-pressed="false">${e(s.cardModel ?? "This card's model")}</vscode-button>
    </div>
    <div id="cw-model">${e(s.noModel)}</div>
    <div id="cw-card-model" hidden></div>
  </section>
  <div id="cw-status" role="status" aria-live="polite"></div>
  <section id="cw-results" aria-live="polite"></section>
</main>
<script type="module" nonce="${nonce}" src="${e(page.elementsUri)}"></script>
<script type="module" nonce="${nonce}" src="${e(page.scriptUri)}"></script>
</body>
</html>`;
}
