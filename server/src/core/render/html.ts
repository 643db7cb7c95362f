// The preview: a draft in the print layout of a UN resolution (export.md, part B) as one
// standalone HTML page — serif type, italic openers, numbers in a box after the first-line
// indent, indented sub-paragraphs, footnotes at the end under a short rule, the closing block.
// Inline CSS allowed by its hash in a strict content security policy; nothing is loaded. Every
// block carries the offsets of its text (data-start/data-end) so an editor can scroll with it,
// and the classes a webview needs to mark paragraphs with findings.
import type { Finding } from '../findings';
import type { Span } from '../model';
import type { Inline, Mark } from './inline';
import { footnoteOfAnnexes, type BodyItem, type RenderAnnex, type RenderFootnote, type RenderHeaderLine, type RenderLine, type RenderModel, type RenderParagraph, type RenderSubparagraph } from './render-model';
import { sha256Base64 } from './sha256';
import { firstWhere, overlapsAnyOf } from '../structure';

export interface HtmlOptions {
  /** Findings to mark: the innermost paragraph, sub-paragraph or line holding a finding's start gets its classes. */
  readonly findings?: readonly Pick<Finding, 'span' | 'severity' | 'message' | 'ruleId'>[];
  /** A nonce for a script the host adds (a webview's scroll sync); without it no script may run. */
  readonly scriptNonce?: string;
}

/** The style sheet of the preview (also for a host that builds its own page around `previewBody`). */
export const previewStyles = `
:root {
  color-scheme: light dark;
  --desk: #e4e4e4; --paper: #ffffff; --ink: #111111; --muted: #555555; --rule: #111111;
  --link: inherit; --shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
  --error: #c62828; --warning: #b26a00; --information: #1565c0; --hint: #6a6a6a;
  --error-bg: rgba(198, 40, 40, 0.10); --warning-bg: rgba(230, 150, 0, 0.14);
  --information-bg: rgba(21, 101, 192, 0.08); --hint-bg: rgba(110, 110, 110, 0.08);
  --zoom: 1.35;
}
@media (prefers-color-scheme: dark) {
  :root {
    --desk: #121212; --paper: #1f1f1f; --ink: #dcdcdc; --muted: #a0a0a0; --rule: #c8c8c8;
    --shadow: 0 0 0 1px #333333;
    --error: #ef5350; --warning: #ffb74d; --information: #64b5f6; --hint: #9e9e9e;
    --error-bg: rgba(239, 83, 80, 0.16); --warning-bg: rgba(255, 183, 77, 0.14);
    --information-bg: rgba(100, 181, 246, 0.12); --hint-bg: rgba(158, 158, 158, 0.10);
  }
}
body.vscode-light {
  --desk: var(--vscode-editorGroupHeader-tabsBackground, #e4e4e4); --paper: #ffffff; --ink: #111111; --muted: #555555; --rule: #111111;
  --shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
  --error: var(--vscode-editorError-foreground, #c62828); --warning: var(--vscode-editorWarning-foreground, #b26a00);
  --information: var(--vscode-editorInfo-foreground, #1565c0);
  --error-bg: rgba(198, 40, 40, 0.10); --warning-bg: rgba(230, 150, 0, 0.14); --information-bg: rgba(21, 101, 192, 0.08);
}
body.vscode-dark {
  --desk: var(--vscode-editor-background, #121212); --paper: var(--vscode-editorWidget-background, #1f1f1f);
  --ink: var(--vscode-editor-foreground, #dcdcdc); --muted: var(--vscode-descriptionForeground, #a0a0a0); --rule: var(--vscode-editor-foreground, #c8c8c8);
  --shadow: 0 0 0 1px var(--vscode-widget-border, #333333);
  --error: var(--vscode-editorError-foreground, #ef5350); --warning: var(--vscode-editorWarning-foreground, #ffb74d);
  --information: var(--vscode-editorInfo-foreground, #64b5f6);
  --error-bg: rgba(239, 83, 80, 0.16); --warning-bg: rgba(255, 183, 77, 0.14); --information-bg: rgba(100, 181, 246, 0.12);
}
body.vscode-high-contrast, body.vscode-high-contrast-light {
  --desk: var(--vscode-editor-background); --paper: var(--vscode-editor-background); --ink: var(--vscode-editor-foreground);
  --muted: var(--vscode-editor-foreground); --rule: var(--vscode-editor-foreground);
  --shadow: 0 0 0 1px var(--vscode-contrastBorder, currentColor);
  --error-bg: transparent; --warning-bg: transparent; --information-bg: transparent; --hint-bg: transparent;
}
html { background: var(--desk); }
body { margin: 0; padding: 1.5rem 0.75rem; background: var(--desk); }
.page {
  box-sizing: content-box; width: 34.5em; margin: 0 auto; padding: 4.5em 5em 5em;
  background: var(--paper); color: var(--ink); box-shadow: var(--shadow);
  font: calc(10pt * var(--zoom)) / 1.2 "Times New Roman", "Liberation Serif", Tinos, "Nimbus Roman", Times, serif;
  font-kerning: normal; text-rendering: optimizeLegibility;
}
.page p { margin: 0 0 0.6em; text-align: justify; hyphens: auto; }
.masthead { margin-bottom: 2.2em; text-align: left; }
.mast-top { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 0.05em solid var(--rule); padding-bottom: 0.25em; }
.mast-un { font-size: 1.2em; font-weight: bold; }
.mast-symbol { font-size: 1.6em; font-weight: bold; letter-spacing: 0.02em; }
.mast-organ { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 0.2em solid var(--rule); padding: 0.5em 0 0.4em; margin-bottom: 1.2em; }
.mast-organ .organ { font-size: 2.1em; font-weight: bold; line-height: 1.05; }
.mast-distr { text-align: left; line-height: 1.25; min-width: 9em; }
.mast-session { line-height: 1.25; margin-bottom: 1.6em; max-width: 22em; }
.mast-line { margin: 0 0 0.3em; }
.page p.adoption, .page p.report { text-align: left; margin: 0 0 0 2.2em; }
.page p.report { margin-top: 0.4em; }
.page p.mast-other { text-align: left; }
.title { display: flex; gap: 0; font-size: 1.25em; font-weight: bold; line-height: 1.2; margin: 1.4em 0 1.3em; text-align: left; }
.title .docnum { flex: 0 0 auto; padding-right: 0.5em; }
.page p.chapeau, .page p.pp { text-indent: 2.2em; }
.page .op, .page .sub, .page .annex-para { text-indent: 2.2em; }
.num, .label { display: inline-block; text-indent: 0; min-width: 2.2em; }
.page .sub.level-2 { text-indent: 4.4em; }
.page .sub.level-3 { text-indent: 6.6em; }
.page .sub.level-4 { text-indent: 8.8em; }
.opener { font-style: italic; }
.heading { text-align: center; font-weight: bold; margin: 1.2em 0 0.8em; }
.unplaced { color: var(--muted); }
.fn-call { font-size: 0.7em; line-height: 0; vertical-align: 0.45em; }
.fn-call a, .page a { color: var(--link); text-decoration: none; }
.page a[href^="http"]:hover { text-decoration: underline; }
.closing { margin: 1.4em 0 0 auto; width: max-content; max-width: 100%; text-align: left; }
.closing p { text-align: left; margin: 0; }
.footnotes { margin-top: 2.4em; font-size: 0.8em; line-height: 1.25; }
.footnote-rule { width: 9em; margin: 0 0 0.6em; border: 0; border-top: 0.06em solid var(--rule); }
.page p.footnote { text-indent: 0; margin: 0 0 0.3em; padding-left: 1.6em; text-align: left; }
.footnote .fn-number { display: inline-block; width: 1.6em; margin-left: -1.6em; vertical-align: 0.35em; font-size: 0.85em; }
.footnote.unused { color: var(--muted); }
.annex { margin-top: 3em; padding-top: 2em; border-top: 0.05em dashed var(--muted); }
.annex-heading { text-align: right; font-weight: bold; font-size: 1.1em; margin: 0 0 1.2em; }
.annex-title { text-align: center; font-weight: bold; font-size: 1.1em; margin: 0 0 1.2em; }
.has-finding { border-radius: 0.15em; }
.finding-error { background: var(--error-bg); box-shadow: -0.5em 0 0 -0.25em var(--error); }
.finding-warning { background: var(--warning-bg); box-shadow: -0.5em 0 0 -0.25em var(--warning); }
.finding-information { background: var(--information-bg); box-shadow: -0.5em 0 0 -0.25em var(--information); }
.finding-hint { background: var(--hint-bg); box-shadow: -0.5em 0 0 -0.25em var(--hint); }
body.vscode-high-contrast .has-finding, body.vscode-high-contrast-light .has-finding { outline: 1px dashed var(--error); }
@media print {
  @page { size: letter; margin: 1in 1.85in; }
  html, body { background: none; padding: 0; }
  .page { --zoom: 1; width: auto; padding: 0; box-shadow: none; background: none; color: #000; }
  .annex { break-before: page; border: 0; }
  .has-finding { background: none; box-shadow: none; }
}
`;

const severityOrder = ['error', 'warning', 'information', 'hint'] as const;

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

type MarkedFinding = Pick<Finding, 'span' | 'severity' | 'message' | 'ruleId'>;

class HtmlBuilder {
  /**
   * The findings by where they start (each with its place in the list given, the order a block's title
   * lists them in): a block finds its own by halving, not by reading them all. Reading them all for
   * every block made a draft of 60,000 paragraphs with a finding each take 40 s to preview.
   */
  private readonly findingsByStart: readonly { readonly finding: MarkedFinding; readonly index: number }[];

  constructor(
    private readonly model: RenderModel,
    options: HtmlOptions,
  ) {
    this.findingsByStart = (options.findings ?? [])
      .map((finding, index) => ({ finding, index }))
      .sort((a, b) => a.finding.span.start - b.finding.span.start || a.index - b.index);
  }

  /** The findings that start in `span` (or at it, when it is empty) but not inside one of `inner`, in the order given. */
  private findingsStartingIn(span: Span, inner: readonly Span[]): MarkedFinding[] {
    const byStart = this.findingsByStart;
    const overlapsInner = overlapsAnyOf(inner);
    const here: { readonly finding: MarkedFinding; readonly index: number }[] = [];
    for (let position = firstWhere(byStart.length, (at) => (byStart[at] as (typeof byStart)[number]).finding.span.start >= span.start); position < byStart.length; position++) {
      const found = byStart[position] as (typeof byStart)[number];
      const start = found.finding.span.start;
      if (!(start < span.end || (span.start === span.end && start === span.start))) break;
      // Inside a sub-paragraph: the finding's first character overlaps it.
      if (!overlapsInner({ start, end: start + 1 })) here.push(found);
    }
    return here.sort((a, b) => a.index - b.index).map(({ finding }) => finding);
  }

  /**
   * The attributes of a block: its offsets, and the finding classes when a finding starts in it
   * but not inside one of `inner` (its sub-paragraphs, which carry their own).
   */
  private blockAttributes(span: Span, classes: readonly string[], inner: readonly Span[] = []): string {
    const here = this.findingsStartingIn(span, inner);
    const all = [...classes];
    let title = '';
    if (here.length > 0) {
      const worst = severityOrder.find((severity) => here.some((finding) => finding.severity === severity)) ?? 'hint';
      all.push('has-finding', `finding-${worst}`);
      title = ` title="${escapeHtml(here.map((finding) => `${finding.message} (${finding.ruleId})`).join('\n'))}"`;
    }
    return ` class="${all.join(' ')}" data-start="${span.start}" data-end="${span.end}"${title}`;
  }

  private inlines(nodes: readonly Inline[]): string {
    return nodes
      .map((node) => {
        if (node.kind === 'text') return escapeHtml(node.text);
        if (node.kind === 'footnote') {
          const target = node.footnote !== undefined ? ` href="#fn-${node.footnote + 1}"` : '';
          const id = node.first && node.footnote !== undefined ? ` id="fn-call-${node.footnote + 1}"` : '';
          return `<sup class="fn-call"${id} data-start="${node.span.start}"><a${target}>${node.number}</a></sup>`;
        }
        return this.mark(node.mark, this.inlines(node.children));
      })
      .join('');
  }

  private mark(mark: Mark, content: string): string {
    switch (mark.type) {
      case 'opener':
        return `<span class="opener">${content}</span>`;
      case 'resolution': {
        const symbol = mark.actor === 'un-ga' ? `A/RES/${mark.number}` : undefined;
        return symbol ? `<a href="https://undocs.org/${escapeHtml(symbol)}">${content}</a>` : content;
      }
      case 'link':
        return `<a href="${escapeHtml(mark.url)}">${content}</a>`;
      case 'docNumber':
        return `<span class="docnum-text">${content}</span>`;
      case 'emphasis':
        return mark.strong ? `<strong>${content}</strong>` : `<em>${content}</em>`;
      default:
        return content;
    }
  }

  body(): string {
    const model = this.model;
    const out: string[] = ['<article class="page resolution">'];
    out.push(this.masthead());
    model.parts.forEach((part) => {
      if (part.chapeau) out.push(`<p${this.blockAttributes(part.chapeau.span, ['chapeau'])}>${this.inlines(part.chapeau.content)}</p>`);
      part.items.forEach((item) => out.push(this.bodyItem(item)));
    });
    if (model.closing.length > 0) {
      out.push('<footer class="closing">');
      model.closing.forEach((line) => out.push(`<p${this.blockAttributes(line.span, ['closing-line'])}>${this.inlines(line.content)}</p>`));
      out.push('</footer>');
    }
    // Footnotes of the resolution's text under its closing; an annex's after the annex.
    out.push(this.footnotes(model.footnotes.filter((footnote) => !footnoteOfAnnexes(model, footnote))));
    model.annexes.forEach((annex) => out.push(this.annex(annex)));
    out.push(this.footnotes(model.footnotes.filter((footnote) => footnoteOfAnnexes(model, footnote))));
    out.push('</article>');
    return out.filter((chunk) => chunk !== '').join('\n');
  }

  private masthead(): string {
    const model = this.model;
    const identity = model.identity;
    const header = model.header;
    const of = (role: RenderHeaderLine['role']): RenderHeaderLine[] => header.filter((line) => line.role === role);
    const lineHtml = (line: RenderLine, classes: string[] = ['mast-line']): string => `<div${this.blockAttributes(line.span, classes)}>${this.inlines(line.content)}</div>`;
    const out: string[] = ['<header class="masthead">'];
    const symbolLine = of('symbol')[0];
    const symbolHtml = symbolLine ? `<span${this.blockAttributes(symbolLine.span, ['mast-symbol'])}>${this.inlines(symbolLine.content)}</span>` : identity.symbol ? `<span class="mast-symbol">${escapeHtml(identity.symbol)}</span>` : '';
    const emblem = of('emblem')[0];
    // The top rule of an A/RES page: "United Nations" and the symbol; printed whenever the text is a
    // United Nations document we can name, even if the header was not copied with it.
    if (emblem || symbolHtml) {
      const un = emblem ? `<span${this.blockAttributes(emblem.span, ['mast-un'])}>${this.inlines(emblem.content)}</span>` : `<span class="mast-un">${escapeHtml(model.unitedNations)}</span>`;
      out.push(`<div class="mast-top">${un}${symbolHtml}</div>`);
    }
    const organLine = of('organ')[0];
    const distribution = of('distribution');
    if (organLine || identity.organName || distribution.length > 0) {
      const organ = organLine ? `<span${this.blockAttributes(organLine.span, ['organ'])}>${this.inlines(organLine.content)}</span>` : `<span class="organ">${escapeHtml(identity.organName ?? '')}</span>`;
      const distr = distribution.length > 0 ? `<div class="mast-distr">${distribution.map((line) => lineHtml(line)).join('')}</div>` : '';
      out.push(`<div class="mast-organ">${organ}${distr}</div>`);
    }
    const sessionLines = header.filter((line) => line.role === 'session' || line.role === 'agenda' || line.role === 'agendaTitle');
    if (sessionLines.length > 0) out.push(`<div class="mast-session">${sessionLines.map((line) => lineHtml(line)).join('')}</div>`);
    for (const line of header) {
      if (line.role === 'adoption') out.push(`<p${this.blockAttributes(line.span, ['adoption'])}>${this.inlines(line.content)}</p>`);
      else if (line.role === 'report') out.push(`<p${this.blockAttributes(line.span, ['report'])}>${this.inlines(line.content)}</p>`);
      else if (line.role === 'other') out.push(`<p${this.blockAttributes(line.span, ['mast-other'])}>${this.inlines(line.content)}</p>`);
      else if (line.role === 'title') out.push(this.title(line));
    }
    out.push('</header>');
    return out.length > 2 ? out.join('\n') : '';
  }

  /** "80/1. Title": the number hangs, the title wraps beside it. */
  private title(line: RenderHeaderLine): string {
    const content = line.content;
    const numberIndex = content.findIndex((node) => node.kind === 'mark' && node.mark.type === 'docNumber');
    const startsWithNumber = numberIndex === 0 && content[1]?.kind === 'text' && /^\.\s/u.test(content[1].text);
    if (startsWithNumber) {
      const number = `${this.inlines([content[0] as Inline])}.`;
      const rest = [{ kind: 'text', text: (content[1] as { text: string }).text.replace(/^\.\s*/u, '') } as Inline, ...content.slice(2)];
      return `<h1${this.blockAttributes(line.span, ['title'])}><span class="docnum">${number}</span><span class="doctitle">${this.inlines(rest)}</span></h1>`;
    }
    return `<h1${this.blockAttributes(line.span, ['title'])}><span class="doctitle">${this.inlines(content)}</span></h1>`;
  }

  private bodyItem(item: BodyItem): string {
    if (item.kind === 'paragraph') return this.paragraph(item.paragraph);
    if (item.kind === 'heading') return `<h2${this.blockAttributes(item.line.span, ['heading'])}>${this.inlines(item.line.content)}</h2>`;
    return `<p${this.blockAttributes(item.line.span, ['unplaced'])}>${this.inlines(item.line.content)}</p>`;
  }

  private paragraph(paragraph: RenderParagraph): string {
    const classes = paragraph.kind === 'operative' ? ['op'] : ['pp'];
    const number = paragraph.number ? `<span class="num">${escapeHtml(paragraph.number)}</span>` : '';
    const inner = paragraph.subparagraphs.map((sub) => sub.span);
    const own = `<p${this.blockAttributes(paragraph.span, classes, inner)}>${number}${this.inlines(paragraph.content)}</p>`;
    return [own, ...paragraph.subparagraphs.map((sub) => this.subparagraph(sub))].join('\n');
  }

  private subparagraph(sub: RenderSubparagraph): string {
    const label = sub.label ? `<span class="label">${escapeHtml(sub.label)}</span>` : '';
    const inner = sub.children.map((child) => child.span);
    const own = `<p${this.blockAttributes(sub.span, ['sub', `level-${Math.min(sub.level, 4)}`], inner)}>${label}${this.inlines(sub.content)}</p>`;
    return [own, ...sub.children.map((child) => this.subparagraph(child))].join('\n');
  }

  private footnotes(footnotes: readonly RenderFootnote[]): string {
    if (footnotes.length === 0) return '';
    // Each footnote's place in the model, looked up, not searched for (25,000 footnotes: 25,000² steps).
    const places = new Map<RenderFootnote, number>();
    this.model.footnotes.forEach((footnote, index) => {
      if (!places.has(footnote)) places.set(footnote, index);
    });
    const indexOf = (footnote: RenderFootnote): number => places.get(footnote) ?? -1;
    const ordered = [...footnotes.filter((footnote) => footnote.called), ...footnotes.filter((footnote) => !footnote.called)];
    const items = ordered.map((footnote) => {
      const classes = footnote.called ? ['footnote'] : ['footnote', 'unused'];
      return `<p id="fn-${indexOf(footnote) + 1}"${this.blockAttributes(footnote.span, classes)}><span class="fn-number">${footnote.number}</span>${this.inlines(footnote.content)}</p>`;
    });
    return ['<section class="footnotes">', '<hr class="footnote-rule">', ...items, '</section>'].join('\n');
  }

  private annex(annex: RenderAnnex): string {
    const out = [`<section class="annex" data-start="${annex.span.start}" data-end="${annex.span.end}">`];
    out.push(`<p${this.blockAttributes(annex.heading.span, ['annex-heading'])}>${this.inlines(annex.heading.content)}</p>`);
    if (annex.title) out.push(`<p${this.blockAttributes(annex.title.span, ['annex-title'])}>${this.inlines(annex.title.content)}</p>`);
    annex.items.forEach((item) => {
      if (item.kind === 'paragraph') {
        out.push(`<p${this.blockAttributes(item.line.span, ['annex-para'])}><span class="num">${escapeHtml(item.number)}</span>${this.inlines(item.line.content)}</p>`);
      } else {
        out.push(`<p${this.blockAttributes(item.line.span, ['annex-text'])}>${this.inlines(item.line.content)}</p>`);
      }
    });
    out.push('</section>');
    return out.join('\n');
  }
}

/** The preview's `<article>` alone, for a host that builds its own page (and its own policy) around it. */
export function previewBody(model: RenderModel, options: HtmlOptions = {}): string {
  return new HtmlBuilder(model, options).body();
}

/** The content security policy of the preview page: nothing loaded, only this style sheet, only the host's script. */
export function previewContentSecurityPolicy(options: HtmlOptions = {}): string {
  const script = options.scriptNonce ? `'nonce-${options.scriptNonce}'` : `'none'`;
  return `default-src 'none'; style-src 'sha256-${sha256Base64(previewStyles)}'; img-src data:; script-src ${script}; base-uri 'none'; form-action 'none'`;
}

/** The preview as a standalone HTML page. */
export function previewHtml(model: RenderModel, options: HtmlOptions = {}): string {
  const identity = model.identity;
  const pageTitle = [identity.symbol, model.title].filter((part) => part !== undefined && part !== '').join(' — ') || 'Resolution';
  const lang = model.language === 'unknown' ? 'en' : model.language;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(previewContentSecurityPolicy(options))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(pageTitle)}</title>
<style>${previewStyles}</style>
</head>
<body>
${previewBody(model, options)}
</body>
</html>
`;
}
