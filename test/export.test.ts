// The outputs of issue 9, all built from one rendering model: Akoma Ntoso (validated against the
// OASIS schema with xmllint-wasm, offline), the Word document (read back as a zip), the preview's
// HTML (and a PNG of it made by headless Chromium, kept under test-results/), and `--export`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import {
  akomaNtoso,
  operativeParagraphsOf,
  parse,
  plainText,
  previewHtml,
  previewStyles,
  renderModel,
  symbolFromFileName,
  type Draft,
  type FootnoteInline,
  type Inline,
  type RenderModel,
  type Severity,
  type Span,
} from '../server/src/core/index';
import { wordDocument } from '../server/src/node/docx';
import { repositoryRoot } from './check';
import { makeTempFolder, removeTempFolder, runResolint } from './cli/run-resolint';
import { fuzzSources } from './support/fuzz';
import { corpusFolder, sharedFolder } from './support/shared';

const schemaFolder = path.join(sharedFolder, 'schemas');
const foundingPath = path.join(corpusFolder, 'A_RES_61_181.txt');
const exampleDraftPath = path.join(repositoryRoot, 'examples/draft.resolution');
const resultsFolder = path.join(repositoryRoot, 'test-results');
const markupDate = '2026-01-01';

function modelOf(filePath: string): { draft: Draft; model: RenderModel } {
  const draft = parse(fs.readFileSync(filePath, 'utf8'));
  return { draft, model: renderModel(draft, { symbolHint: symbolFromFileName(filePath) }) };
}

function footnoteCalls(nodes: readonly Inline[]): FootnoteInline[] {
  return nodes.flatMap((node) => (node.kind === 'footnote' ? [node] : node.kind === 'mark' ? footnoteCalls(node.children) : []));
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** The statement's own operative paragraphs: annexes hold theirs as hcontainer name="paragraph". */
function paragraphElements(xml: string): number {
  return count(xml, /<paragraph[ >]/gu);
}

function corpusFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return corpusFiles(full);
      return entry.isFile() && entry.name.endsWith('.txt') ? [full] : [];
    })
    .sort();
}

async function validate(files: readonly XMLFileInfo[]): Promise<{ valid: boolean; errors: readonly string[] }> {
  const result = await validateXML({
    xml: files,
    schema: { fileName: 'akomantoso30.xsd', contents: fs.readFileSync(path.join(schemaFolder, 'akomantoso30.xsd'), 'utf8') },
    preload: [{ fileName: 'xml.xsd', contents: fs.readFileSync(path.join(schemaFolder, 'xml.xsd'), 'utf8') }],
    // Two hundred documents in one run: more than the default 32 MiB.
    maxMemoryPages: 16384,
  });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) };
}

describe('export: the rendering model', () => {
  before(function () {
    if (!fs.existsSync(foundingPath)) this.skip();
  });

  it("prints no heading in a preamble where the page's running title stood (A/RES/80/37, 80/27: its page number lost)", () => {
    for (const name of ['A_RES_80_37.txt', 'A_RES_80_27.txt']) {
      const { model } = modelOf(path.join(corpusFolder, name));
      const items = model.parts[0]?.items ?? [];
      assert.deepEqual(items.filter((item) => item.kind === 'heading').map((item) => (item.kind === 'heading' ? plainText(item.line.content) : '')), [], name);
    }
  });

  it("keeps an annex's title that repeats the resolution's title (A/RES/80/5), not taken for the page's running title", () => {
    const { model } = modelOf(path.join(corpusFolder, 'A_RES_80_5.txt'));
    assert.match(plainText(model.annexes[0]?.title?.content ?? []), /^Doha Political Declaration of the “World Social Summit”/u);
    const short = 'A/RES/80/999\n\n80/999. Doha Political Declaration\n\nThe General Assembly,\n\nAdopts the Doha Political Declaration, as contained in the annex to the present resolution.\n\nAnnex\n\nDoha Political Declaration\n\n1. We have gathered in Doha.\n';
    assert.equal(plainText(renderModel(parse(short)).annexes[0]?.title?.content ?? []), 'Doha Political Declaration');
  });

  it("keeps the quotation mark that opens each line of a quoted draft, before its number or words", () => {
    const text = 'The Economic and Social Council\n\nRecommends to the General Assembly the adoption of the following draft resolution:\n\n“The General Assembly,\n\n“Recalling its resolution 70/1,\n\n“1. Welcomes the report;\n\n“2. Requests a report.”\n';
    const model = renderModel(parse(text));
    const quoted = model.parts[1];
    assert.ok(quoted);
    const paragraphs = quoted.items.flatMap((item) => (item.kind === 'paragraph' ? [item.paragraph] : []));
    assert.deepEqual(paragraphs.map((paragraph) => [paragraph.number ?? '', plainText(paragraph.content)]), [
      ['', '“Recalling its resolution 70/1,'],
      ['1.', '“Welcomes the report;'],
      ['2.', '“Requests a report.”'],
    ]);
  });

  it('prints a chapeau written in Markdown emphasis without the markers, as it prints an opener', () => {
    for (const chapeau of ['*The General Assembly,*', '**The General Assembly**,', '_The General Assembly,_']) {
      const model = renderModel(parse(`${chapeau}\n\n*Recalling* its resolution 60/1,\n\n1. *Requests* a report.\n`));
      const part = model.parts[0];
      assert.ok(part?.chapeau, chapeau);
      assert.equal(plainText(part.chapeau.content), 'The General Assembly,', chapeau);
    }
  });

  it('prints Markdown emphasis in running text as marked words, without its markers; an unmatched or inner marker stays text', () => {
    const text = [
      'The General Assembly,',
      '',
      '*Recalling* its resolution 70/1 of 25 September 2015,',
      '',
      'Taking note of the *World Economic Situation and Prospects 2025*,[^1]',
      '',
      '1. Requests, *inter alia*, a report, **not** later than 2027:',
      '',
      '(a) On the _Official Records_ of 2*3 and snake_case_words, * alone and *unclosed;',
      '',
      '[^1]: United Nations publication, _Sales No. E.25.II.C.1_.',
      '',
    ].join('\n');
    const model = renderModel(parse(text));
    const emphases = (nodes: readonly Inline[]): string[] =>
      nodes.flatMap((node) => (node.kind === 'mark' ? (node.mark.type === 'emphasis' ? [`${node.mark.strong ? 'bold' : 'italic'}: ${plainText(node.children)}`] : emphases(node.children)) : []));
    const paragraphs = (model.parts[0]?.items ?? []).flatMap((item) => (item.kind === 'paragraph' ? [item.paragraph] : []));
    assert.deepEqual(paragraphs.map((paragraph) => plainText(paragraph.content)), [
      'Recalling its resolution 70/1 of 25 September 2015,',
      'Taking note of the World Economic Situation and Prospects 2025,',
      'Requests, inter alia, a report, not later than 2027:',
    ]);
    assert.deepEqual(paragraphs.map((paragraph) => emphases(paragraph.content)), [[], ['italic: World Economic Situation and Prospects 2025'], ['italic: inter alia', 'bold: not']]);
    const item = paragraphs[2]?.subparagraphs[0];
    assert.equal(plainText(item?.content ?? []), 'On the Official Records of 2*3 and snake_case_words, * alone and *unclosed;');
    assert.deepEqual(emphases(item?.content ?? []), ['italic: Official Records']);
    assert.deepEqual(model.footnotes.map((footnote) => emphases(footnote.content)), [['italic: Sales No. E.25.II.C.1']]);
    // The opener's own emphasis is the opener's mark, not an emphasis besides it.
    assert.deepEqual(paragraphs[0]?.content.filter((node) => node.kind === 'mark').map((node) => (node.kind === 'mark' ? node.mark.type : '')), ['opener', 'resolution']);
    const html = previewHtml(model);
    assert.match(html, /<em>inter alia<\/em>, a report, <strong>not<\/strong> later/u);
    assert.doesNotMatch(html, /\*inter|\*\*not|_Official/u);
  });

  it('holds the founding document: chapeau, 7 preambular and 9 operative paragraphs, openers marked, calls and footnotes', () => {
    const { model } = modelOf(foundingPath);
    const part = model.parts[0];
    assert.ok(part?.chapeau);
    assert.equal(plainText(part.chapeau.content), 'The General Assembly,');
    const paragraphs = part.items.flatMap((item) => (item.kind === 'paragraph' ? [item.paragraph] : []));
    assert.equal(paragraphs.filter((paragraph) => paragraph.kind === 'preambular').length, 7);
    const operative = operativeParagraphsOf(model);
    assert.deepEqual(
      operative.map((paragraph) => paragraph.number),
      ['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.'],
    );
    const first = operative[0]?.content[0];
    assert.ok(first?.kind === 'mark' && first.mark.type === 'opener');
    assert.equal(plainText(first.children), 'Takes note with appreciation');

    const calls = footnoteCalls(model.parts.flatMap((p) => p.items).flatMap((item) => (item.kind === 'paragraph' ? item.paragraph.content : [])));
    assert.deepEqual(
      calls.map((call) => `${call.number}${call.first ? '' : '*'}`),
      ['1', '2', '3', '4', '5', '6', '1*', '2*'],
    );
    assert.deepEqual(
      model.footnotes.map((footnote) => footnote.number),
      [1, 2, 3, 4, 5, 6],
    );
    assert.equal(plainText(model.footnotes[5]?.content ?? []), 'A/61/179.');
    // PDF line breaks undone, the space before a bare-digit call moved after it.
    assert.match(plainText(paragraphs[0]?.content ?? []), /the Protocols thereto, the United Nations Convention against Corruption and/u);
    assert.equal(model.identity.symbol, 'A/RES/61/181');
  });

  it('keeps 3,000 headings between paragraphs, each before its paragraph, and the paragraphs of each of many parts in their part', () => {
    const headed = ['The General Assembly,', '', ...Array.from({ length: 3000 }, (_, index) => [`Heading ${index}`, '', `${index + 1}. Decides to act;`, '']).flat()].join('\n');
    const items = renderModel(parse(headed)).parts[0]?.items ?? [];
    assert.equal(items.length, 6000);
    assert.deepEqual(items.slice(0, 4).map((item) => item.kind), ['heading', 'paragraph', 'heading', 'paragraph']);
    assert.ok(items.every((item, index) => item.kind === (index % 2 === 0 ? 'heading' : 'paragraph')));
    const short = 'The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act.\n';
    const parts = renderModel(parse(Array.from({ length: 500 }, () => short).join('\n'))).parts;
    assert.equal(parts.length, 500);
    assert.ok(parts.every((part) => part.chapeau !== undefined && part.items.map((item) => item.kind).join(' ') === 'paragraph paragraph'));
  });

  it('reads a masthead into fields and the document identity', () => {
    const filePath = path.join(corpusFolder, 'pdf_layout/A_RES_80_1.txt');
    if (!fs.existsSync(filePath)) return;
    const { model } = modelOf(filePath);
    assert.deepEqual(
      { symbol: model.identity.symbol, number: model.identity.number, date: model.identity.date, actor: model.identity.actor, status: model.identity.status },
      { symbol: 'A/RES/80/1', number: '80/1', date: '2025-09-19', actor: 'un-ga', status: 'adopted' },
    );
    assert.deepEqual(
      model.header.map((line) => line.role),
      ['emblem', 'symbol', 'organ', 'distribution', 'distribution', 'session', 'agenda', 'agendaTitle', 'adoption', 'report', 'title'],
    );
    assert.equal(model.title, 'Participation by the State of Palestine during the eightieth session');
    assert.deepEqual(
      model.closing.map((line) => plainText(line.content)),
      ['3rd plenary meeting', '19 September 2025'],
    );
  });

  it('reads "United Nations" as the emblem only at the top of the header: a title or agenda line that begins with it stays whole', () => {
    const text = [
      'United Nations A/RES/80/9',
      '',
      'General Assembly Distr.: General 25 November 2025',
      '',
      'Eightieth session',
      'Agenda item 100 (b)',
      'Review and implementation of the Concluding Document:',
      'United Nations Regional Centre for Peace and Disarmament in Africa',
      '',
      'Resolution adopted by the General Assembly on 24 November 2025',
      '',
      '80/9. 2025 Political Declaration on the Implementation of the',
      'United Nations Global Plan of Action to Combat Trafficking',
      'in Persons',
      '',
      'The General Assembly,',
      '',
      '1. Decides to remain seized of the matter.',
      '',
    ].join('\n');
    const model = renderModel(parse(text));
    assert.deepEqual(
      model.header.map((line) => `${line.role}: ${plainText(line.content)}`),
      [
        'emblem: United Nations',
        'symbol: A/RES/80/9',
        'organ: General Assembly',
        'distribution: Distr.: General',
        'distribution: 25 November 2025',
        'session: Eightieth session',
        'agenda: Agenda item 100 (b)',
        'agendaTitle: Review and implementation of the Concluding Document: United Nations Regional Centre for Peace and Disarmament in Africa',
        'adoption: Resolution adopted by the General Assembly on 24 November 2025',
        'title: 80/9. 2025 Political Declaration on the Implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons',
      ],
    );
    assert.equal(model.title, '2025 Political Declaration on the Implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons');
    assert.match(previewHtml(model), /<div class="mast-line"[^>]*>Review and implementation of the Concluding Document: United Nations Regional Centre for Peace and Disarmament in Africa<\/div>/u);
  });

  it('reads a meeting only from a whole number: "7I5e séance", a scan\'s misread, names no meeting 5', () => {
    const meetingOf = (closing: string): RenderModel['identity']['meeting'] =>
      renderModel(parse(['Le Conseil de sécurité,', '', '1. Décide de demeurer saisi de la question.', '', closing, ''].join('\n'))).identity.meeting;
    assert.deepEqual(meetingOf("Adoptée à l'unanimité à la 715e séance."), { number: 715, plenary: false, written: '715e séance' });
    assert.equal(meetingOf("Adoptée à l'unanimité à la 7I5e séance."), undefined);
    const xml = akomaNtoso(renderModel(parse(['The Security Council,', '', '1. Decides to remain seized of the matter.', '', 'Adopted unanimously at the 7I5th meeting.', ''].join('\n'))), { markupDate });
    assert.doesNotMatch(xml, /<TLCEvent|<event /u);
  });

  it('dates a Council resolution whose date a scan garbled by the year of its number, 1 January (AKN4UN\'s partial date), not 1900', () => {
    const text = ['Resolution 226 (1966)', 'of 14 October £964', '', 'The Security Council,', '', '1. Decides to remain seized of the matter.', '', 'Adopted unanimously at the', '1306th meeting.', ''].join('\n');
    const model = renderModel(parse(text));
    assert.equal(model.identity.date, '1966-01-01');
    assert.match(akomaNtoso(model, { markupDate }), /<FRBRthis value="\/akn\/un\/statement\/deliberation\/un-sc\/1966-01-01\/226\/!main"\/>/u);
  });

  it('reads a French or Spanish masthead: "Distr. générale" and "Distr. general" (no colon) part the organ from the distribution', () => {
    const french = [
      'Nations Unies A/RES/80/1',
      '',
      'Assemblée générale Distr. générale',
      '22 septembre 2025',
      '',
      'Quatre-vingtième session',
      'Point 7 de l’ordre du jour',
      '',
      'Résolution adoptée par l’Assemblée générale le 19 septembre 2025',
      '',
      '80/1. Participation de l’État de Palestine',
      '',
      'L’Assemblée générale,',
      '',
      '1. Décide de rester saisie de la question.',
      '',
    ].join('\n');
    const model = renderModel(parse(french));
    assert.deepEqual(
      model.header.map((line) => `${line.role}: ${plainText(line.content)}`),
      [
        'emblem: Nations Unies',
        'symbol: A/RES/80/1',
        'organ: Assemblée générale',
        'distribution: Distr. générale',
        'distribution: 22 septembre 2025',
        'session: Quatre-vingtième session',
        'agenda: Point 7 de l’ordre du jour',
        'adoption: Résolution adoptée par l’Assemblée générale le 19 septembre 2025',
        'title: 80/1. Participation de l’État de Palestine',
      ],
    );
    assert.match(previewHtml(model), /<div class="mast-organ"><span class="organ"[^>]*>Assemblée générale<\/span><div class="mast-distr">/u);
    const spanish = ['Naciones Unidas A/RES/80/1', '', 'Asamblea General Distr. general', '22 de septiembre de 2025', '', 'La Asamblea General,', '', '1. Decide seguir ocupándose de la cuestión.', ''].join('\n');
    assert.deepEqual(
      renderModel(parse(spanish)).header.map((line) => line.role),
      ['emblem', 'symbol', 'organ', 'distribution', 'distribution'],
    );
  });

  it('names the organ in the text\'s language where no masthead line names it: "Conseil de sécurité" over a French resolution', async () => {
    const french = ['Résolution 226 (1966) du 14 octobre 1966', '', 'Le Conseil de sécurité,', '', '1. Décide de rester saisi de la question.', ''].join('\n');
    const model = renderModel(parse(french));
    assert.equal(model.identity.organName, 'Conseil de sécurité');
    assert.match(previewHtml(model), /<span class="organ">Conseil de sécurité<\/span>/u);
    assert.ok(strFromU8(unzipSync(new Uint8Array(await wordDocument(model)))['word/document.xml'] ?? new Uint8Array()).includes('>Conseil de sécurité<'));
    assert.equal(renderModel(parse(['The Security Council,', '', '1. Decides to remain seized of the matter.', ''].join('\n'))).identity.organName, 'Security Council');
  });

  it('keeps a closing line that ends on a footnote call a line of its own: the meeting, then the date', () => {
    const text = ['The General Assembly,', '', '1. Decides to remain seized of the matter.', '', '84th plenary meeting[^1]', '1 December 2025', '', '[^1]: A note.', ''].join('\n');
    const model = renderModel(parse(text));
    assert.deepEqual(model.closing.map((line) => plainText(line.content)), ['84th plenary meeting', '1 December 2025']);
    assert.match(akomaNtoso(model, { markupDate }), /<p><event refersTo="#meeting">84th plenary meeting<\/event><authorialNote [^>]*><p>A note\.<\/p><\/authorialNote><\/p>\s*<p><docDate date="2025-12-01"/u);
  });

  it('names a committee draft by its L symbol', () => {
    const { model } = modelOf(exampleDraftPath);
    assert.equal(model.identity.status, 'draft');
    assert.equal(model.identity.actor, 'un-ga-c3');
    assert.equal(model.identity.symbol, 'A/C.3/81/L.12');
  });
});

describe('export: Akoma Ntoso', function () {
  this.timeout(60_000);

  before(function () {
    if (!fs.existsSync(path.join(schemaFolder, 'akomantoso30.xsd'))) this.skip();
  });

  it('writes the founding document per AKN4UN: statement, FRBR IRIs, formula, containers, paragraphs, notes, refs', () => {
    const { model } = modelOf(foundingPath);
    const xml = akomaNtoso(model, { markupDate });
    assert.match(xml, /<statement name="resolution" contains="originalVersion">/u);
    assert.match(xml, /<FRBRthis value="\/akn\/un\/statement\/deliberation\/un-ga\/1900-01-01\/61-181\/!main"\/>/u);
    assert.match(xml, /<FRBRnumber value="61-181" showAs="61\/181"\/>/u);
    assert.match(xml, /<FRBRlanguage language="eng"\/>/u);
    assert.match(xml, /<formula name="enactingFormula" eId="preamble__formula_1">\s*<p><docAuthority refersTo="#ga">The General Assembly<\/docAuthority>,<\/p>/u);
    assert.match(xml, /<container name="recognizingAlso" eId="preamble__container_5">/u);
    assert.match(xml, /<paragraph eId="para_1">\s*<num>1\.<\/num>\s*<content>\s*<p><i>Takes note with appreciation<\/i>/u);
    assert.match(xml, /<ref href="\/akn\/un\/statement\/deliberation\/un-ga\/1991-12-18\/46-152\/!main">46\/152<\/ref> of 18 December 1991/u);
    assert.equal(paragraphElements(xml), 9);
    assert.equal(count(xml, /<authorialNote /gu), 8);
    // The repeated call repeats the note with its marker and text (export.md, A: Footnotes).
    assert.equal(count(xml, /<authorialNote marker="1" placement="bottom"[^>]*><p>Resolution <a href="https:\/\/undocs.org\/A\/RES\/55\/25">/gu), 2);
  });

  it('refers to a resolution listed after a quoted title with a colon in it (the title\'s colon ends no sentence)', () => {
    const cases = [
      ['The General Assembly,\n\nRecalling its resolutions 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”, and 77/161 of 14 December 2022,\n\n1. Decides to remain seized of the matter.\n', '77/161</ref> of 14 December 2022'],
      ["L'Assemblée générale,\n\nRappelant ses résolutions 70/1 du 25 septembre 2015, intitulée « Transformer notre monde : le Programme de développement durable à l'horizon 2030 », et 77/161 du 14 décembre 2022,\n\n1. Décide de demeurer saisie de la question.\n", '77/161</ref> du 14 décembre 2022'],
      ['La Asamblea General,\n\nRecordando sus resoluciones 70/1, de 25 de septiembre de 2015, titulada "Transformar nuestro mundo: la Agenda 2030 para el Desarrollo Sostenible", y 77/161, de 14 de diciembre de 2022,\n\n1. Decide seguir ocupándose de la cuestión.\n', '77/161</ref>, de 14 de diciembre de 2022'],
    ] as const;
    for (const [text, reference] of cases) {
      const xml = akomaNtoso(renderModel(parse(text)), { markupDate });
      assert.ok(xml.includes(`<ref href="/akn/un/statement/deliberation/un-ga/2022-12-14/77-161/!main">${reference}`), `no reference to 77/161 in:\n${xml.slice(xml.indexOf('<preamble>'), xml.indexOf('</preamble>'))}`);
    }
    // A colon outside any quotation still ends the link: "resolutions: 77/161" cites nothing.
    const outside = akomaNtoso(renderModel(parse('The General Assembly,\n\nRecalling its resolutions: 77/161 of 14 December 2022 and others,\n\n1. Decides to remain seized of the matter.\n')), { markupDate });
    assert.ok(!outside.includes('77-161'), 'a colon outside a quotation no longer ends the link');
  });

  it('refers to a Spanish text\'s dated resolutions, the date set off by a comma and the first day written « 1º »', () => {
    const text = 'La Asamblea General,\n\nRecordando su resolución 77/247, de 30 de diciembre de 2022, y su resolución 66/54, de 1º de diciembre de 2011,\n\n1. Decide seguir ocupándose de la cuestión.\n';
    const xml = akomaNtoso(renderModel(parse(text)), { markupDate });
    assert.match(xml, /<ref href="\/akn\/un\/statement\/deliberation\/un-ga\/2022-12-30\/77-247\/!main">77\/247<\/ref>, de 30 de diciembre de 2022/u);
    assert.match(xml, /<ref href="\/akn\/un\/statement\/deliberation\/un-ga\/2011-12-01\/66-54\/!main">66\/54<\/ref>, de 1º de diciembre de 2011/u);
  });

  it('writes drafts, sub-paragraphs, divisions, the closing and annexes', () => {
    const draftXml = akomaNtoso(modelOf(exampleDraftPath).model, { markupDate });
    assert.match(draftXml, /<statement name="resolutionDraft"/u);
    assert.match(draftXml, /\/akn\/un\/statement\/deliberation\/un-ga-c3\/2026-12-18\/A-C\.3-81-L\.12\/!main/u);
    assert.match(draftXml, /<list eId="para_5__list_1">\s*<intro eId="para_5__list_1__intro">/u);
    assert.match(draftXml, /<point eId="para_5__list_1__point_a">\s*<num>\(a\)<\/num>/u);
    assert.match(draftXml, /<TLCEvent eId="meeting" href="\/akn\/ontology\/event\/un\/un-ga-c3\/plenary-84" showAs="84th plenary meeting"\/>/u);
    assert.match(draftXml, /<conclusions>\s*<container name="conclusion" eId="conclusions__container_1">\s*<p><event refersTo="#meeting">84th plenary meeting<\/event><\/p>\s*<p><docDate date="2026-12-18" refersTo="#adoptionDate">/u);

    const sections = path.join(corpusFolder, 'S_RES_687_1991.txt');
    if (fs.existsSync(sections)) {
      const xml = akomaNtoso(modelOf(sections).model, { markupDate });
      assert.match(xml, /<division eId="dvs_1">\s*<num>A<\/num>/u);
      assert.match(xml, /<point eId="para_9__list_1__point_b__list_1__point_i">/u);
    }
    const annexed = path.join(corpusFolder, 'pdf_layout/A_RES_80_9.txt');
    if (fs.existsSync(annexed)) {
      const xml = akomaNtoso(modelOf(annexed).model, { markupDate });
      assert.match(xml, /<attachments>\s*<attachment eId="att_1">\s*<doc name="annex">/u);
      assert.match(xml, /<FRBRthis value="\/akn\/un\/statement\/deliberation\/un-ga\/2025-11-24\/80-9\/!annex_1"\/>/u);
      assert.match(xml, /<hcontainer name="paragraph" eId="att_1__para_1">/u);
    }
  });

  it('parts a heading\'s number from its words when a footnote call follows them: num "A.", heading "Implementation" and its note', async () => {
    const text = ['The General Assembly,', '', 'A. Implementation[^1]', '', '1. Decides to act;', '', 'B[^2]', '', '2. Requests a report.', '', '[^1]: A note.', '', '[^2]: Another note.', ''].join('\n');
    const xml = akomaNtoso(renderModel(parse(text)), { markupDate });
    assert.match(xml, /<division eId="dvs_1">\s*<num>A\.<\/num>\s*<heading>Implementation<authorialNote marker="1" [^>]*><p>A note\.<\/p><\/authorialNote><\/heading>/u);
    assert.match(xml, /<division eId="dvs_2">\s*<num>B<authorialNote marker="2" [^>]*><p>Another note\.<\/p><\/authorialNote><\/num>/u);
    const { valid, errors } = await validate([{ fileName: 'headings.xml', contents: xml }]);
    assert.ok(valid, errors.join('\n'));
  });

  it('writes Markdown emphasis as <i> and <b>, valid in paragraphs and notes', async () => {
    const text = ['The General Assembly,', '', 'Noting the *World Economic Situation and Prospects 2025*,[^1]', '', '1. Requests, *inter alia*, a report, **not** later than 2027.', '', '[^1]: United Nations publication, _Sales No. E.25.II.C.1_.', ''].join('\n');
    const xml = akomaNtoso(renderModel(parse(text)), { markupDate });
    assert.match(xml, /the <i>World Economic Situation and Prospects 2025<\/i>,<authorialNote [^>]*><p>United Nations publication, <i>Sales No\. E\.25\.II\.C\.1<\/i>\.<\/p>/u);
    assert.match(xml, /<i>inter alia<\/i>, a report, <b>not<\/b> later/u);
    const { valid, errors } = await validate([{ fileName: 'emphasis.xml', contents: xml }]);
    assert.ok(valid, errors.join('\n'));
  });

  it('gives an annex its title in the preface, as AKN4UN\'s annex does: docType "Annex", docTitle', async () => {
    const text = ['The General Assembly,', '', '1. Adopts the declaration annexed to the present resolution.', '', 'Annex', '', 'Declaration on cooperation', '', '1. The States agree.', ''].join('\n');
    const model = renderModel(parse(text));
    const xml = akomaNtoso(model, { markupDate });
    assert.match(xml, /<preface>\s*<container name="annexHeading" eId="att_1__preface__container_1">\s*<p><docType>Annex<\/docType><\/p>\s*<p><docTitle>Declaration on cooperation<\/docTitle><\/p>\s*<\/container>\s*<\/preface>\s*<mainBody>\s*<hcontainer name="paragraph" eId="att_1__para_1">/u);
    assert.ok((await validate([{ fileName: 'annex-title.xml', contents: xml }])).valid);
    assert.match(previewHtml(model), /<p class="annex-title"[^>]*>Declaration on cooperation<\/p>/u);
  });

  it('gives each of 3,000 paragraphs numbered "1." an eId of its own: para_1, para_1-2 … para_1-3000', () => {
    const text = ['The General Assembly,', '', ...Array.from({ length: 3000 }, () => ['1. Decides to remain seized of the matter;', '']).flat()].join('\n');
    const draft = parse(text);
    const xml = akomaNtoso(renderModel(draft), { markupDate });
    const eIds = [...xml.matchAll(/<paragraph eId="([^"]+)">/gu)].map((match) => match[1]);
    assert.equal(eIds.length, 3000);
    assert.equal(new Set(eIds).size, 3000);
    assert.deepEqual([eIds[0], eIds[1], eIds[2999]], ['para_1', 'para_1-2', 'para_1-3000']);
  });

  it('validates every text of the corpus against the OASIS schema, with a paragraph per operative paragraph, a note per call and a note of the metadata per uncalled text', async function () {
    if (!fs.existsSync(corpusFolder)) this.skip();
    const started = Date.now();
    const files: XMLFileInfo[] = [];
    const mismatches: string[] = [];
    const totals = { files: 0, operative: 0, paragraphs: 0, calls: 0, notes: 0 };
    for (const filePath of corpusFiles(corpusFolder)) {
      const { draft, model } = modelOf(filePath);
      const xml = akomaNtoso(model, { markupDate });
      const name = path.relative(corpusFolder, filePath).split(path.sep).join('__').replace(/\.txt$/u, '.xml');
      const operative = draft.paragraphs.filter((paragraph) => paragraph.kind === 'operative').length;
      const paragraphs = paragraphElements(xml);
      const notes = count(xml, /<authorialNote /gu);
      totals.files++;
      totals.operative += operative;
      totals.paragraphs += paragraphs;
      totals.calls += draft.footnoteCalls.length;
      totals.notes += notes;
      // A footnote text no call refers to is kept too, as a note of the metadata.
      const uncalled = model.footnotes.filter((footnote) => !footnote.called).length;
      const metadataNotes = count(xml, /<note /gu);
      if (operative !== paragraphs || notes !== draft.footnoteCalls.length || metadataNotes !== uncalled) {
        mismatches.push(`${name}: ${operative} operative paragraphs, ${paragraphs} <paragraph>; ${draft.footnoteCalls.length} calls, ${notes} notes; ${uncalled} uncalled texts, ${metadataNotes} <note>`);
      }
      files.push({ fileName: name, contents: xml });
    }
    const rendered = Date.now();
    const { valid, errors } = await validate(files);
    const failing = new Set(errors.map((error) => error.split(':')[0]));
    console.log(
      `      corpus → Akoma Ntoso: ${totals.files} files, ${totals.paragraphs}/${totals.operative} paragraphs, ` +
        `${totals.notes}/${totals.calls} notes, ${valid ? 0 : failing.size} invalid (render ${rendered - started} ms, validate ${Date.now() - rendered} ms)`,
    );
    assert.deepEqual(mismatches, []);
    assert.ok(valid, errors.slice(0, 20).join('\n'));
  });
});

describe('export: Word', function () {
  this.timeout(30_000);

  before(function () {
    if (!fs.existsSync(foundingPath)) this.skip();
  });

  it('writes the founding document as a valid package with 6 real footnotes, repeated calls as references, italic openers', async () => {
    const { model } = modelOf(foundingPath);
    const bytes = await wordDocument(model);
    fs.mkdirSync(resultsFolder, { recursive: true });
    fs.writeFileSync(path.join(resultsFolder, 'A_RES_61_181.docx'), bytes);
    const entries = unzipSync(new Uint8Array(bytes));
    const part = (name: string): string => {
      const entry = entries[name];
      assert.ok(entry, `${name} is missing from the package`);
      return strFromU8(entry);
    };
    const contentTypes = part('[Content_Types].xml');
    const override = (partName: string, type: string): RegExp => new RegExp(`<Override (?=[^>]*PartName="${partName}")(?=[^>]*ContentType="application/vnd\\.openxmlformats-officedocument\\.wordprocessingml\\.${type}\\+xml")`, 'u');
    assert.match(contentTypes, override('/word/document\\.xml', 'document\\.main'));
    assert.match(contentTypes, override('/word/footnotes\\.xml', 'footnotes'));
    assert.match(part('_rels/.rels'), /Target="word\/document\.xml"/u);
    assert.match(part('word/_rels/document.xml.rels'), /Target="footnotes\.xml"/u);

    const footnotes = part('word/footnotes.xml');
    const realFootnotes = [...footnotes.matchAll(/<w:footnote w:id="(\d+)">(.*?)<\/w:footnote>/gsu)];
    assert.equal(realFootnotes.length, 6, 'six footnotes besides the separators');
    const wordText = (xml: string): string => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((match) => match[1]).join('');
    assert.equal(wordText(realFootnotes[5]?.[2] ?? ''), ' A/61/179.');

    const document = part('word/document.xml');
    assert.equal(count(document, /<w:footnoteReference w:id="\d+"\/>/gu), 6);
    assert.equal(count(document, /NOTEREF _RefFootnote1 \\f \\h/gu), 1);
    assert.equal(count(document, /NOTEREF _RefFootnote2 \\f \\h/gu), 1);
    for (const opener of ['Recalling', 'Recognizing also', 'Bearing in mind', 'Takes note with appreciation', 'Reiterates', 'Requests']) {
      assert.match(document, new RegExp(`<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">${opener}</w:t></w:r>`, 'u'), `${opener} in italics`);
    }
    assert.match(document, /<w:t xml:space="preserve">1\.\t<\/w:t>/u);
    assert.match(document, /<w:ind w:firstLine="432"\/>/u);
    assert.match(part('word/settings.xml'), /<w:evenAndOddHeaders\/>/u);
    const footers = Object.keys(entries).filter((name) => /^word\/footer\d+\.xml$/u.test(name)).map(part);
    assert.ok(footers.some((footer) => /PAGE/u.test(footer) && /NUMPAGES/u.test(footer)), 'page numbers "n/N" in the footer');
  });

  it('sets the text\'s language for proofing: French for a French draft, British English for an English one', async () => {
    const stylesOf = async (text: string): Promise<string> =>
      strFromU8(unzipSync(new Uint8Array(await wordDocument(renderModel(parse(text)))))['word/styles.xml'] ?? new Uint8Array());
    assert.match(await stylesOf("L'Assemblée générale,\n\n1. Décide de rester saisie de la question.\n"), /<w:docDefaults>.*<w:lang w:val="fr-FR"\/>/su);
    assert.match(await stylesOf('The General Assembly,\n\n1. Decides to remain seized of the matter.\n'), /<w:docDefaults>.*<w:lang w:val="en-GB"\/>/su);
  });

  it('puts the header block of a draft on its first page', async () => {
    const bytes = await wordDocument(modelOf(exampleDraftPath).model);
    const document = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] ?? new Uint8Array());
    for (const words of ['A/C.3/81/L.12', 'Eighty-first session', 'Agenda item 109', 'Strengthening the United Nations crime prevention']) {
      assert.ok(document.includes(words), words);
    }
  });
});

describe('export: the preview', function () {
  this.timeout(60_000);

  before(function () {
    if (!fs.existsSync(foundingPath)) this.skip();
  });

  it('is a standalone page with a strict policy that allows its own style sheet by hash and loads nothing', () => {
    const html = previewHtml(modelOf(foundingPath).model);
    const hash = createHash('sha256').update(previewStyles, 'utf8').digest('base64');
    assert.match(html, /^<!DOCTYPE html>/u);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'; img-src data:; script-src 'none';`));
    assert.ok(html.includes(`<style>${previewStyles}</style>`));
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|\ssrc=|@import|url\(/u);
    assert.match(html, /<p class="op" data-start="\d+" data-end="\d+"><span class="num">1\.<\/span><span class="opener">Takes note with appreciation<\/span>/u);
    assert.match(html, /<section class="footnotes">\s*<hr class="footnote-rule">/u);
    assert.equal(count(html, /<p id="fn-\d+" class="footnote"/gu), 6);
    assert.match(html, /prefers-color-scheme: dark/u);
    assert.match(html, /body\.vscode-dark/u);
  });

  it('prints the footnotes of the resolution under its text and an annex\'s after the annex, wherever the draft keeps their texts', () => {
    const text = [
      'The General Assembly,',
      '',
      'Recalling its resolution 60/1,[^1]',
      '',
      '1. Adopts the declaration annexed to the present resolution.',
      '',
      'Annex',
      '',
      '1. The States agree.[^2]',
      '',
      '[^1]: Resolution 60/1.',
      '',
      '[^2]: An annex note.',
      '',
    ].join('\n');
    const html = previewHtml(renderModel(parse(text)));
    const resolutionNote = html.indexOf('<span class="fn-number">1</span>');
    const annexNote = html.indexOf('<span class="fn-number">2</span>');
    const annex = html.indexOf('<section class="annex"');
    assert.ok(resolutionNote > 0 && annex > 0 && annexNote > 0);
    assert.ok(resolutionNote < annex, 'the resolution\'s footnote before the annex');
    assert.ok(annexNote > annex, 'the annex\'s footnote after it');
  });

  it('marks the paragraphs that carry findings', () => {
    const { draft, model } = modelOf(foundingPath);
    const third = draft.paragraphs.find((paragraph) => paragraph.number?.value === 3);
    assert.ok(third);
    const html = previewHtml(model, { findings: [{ span: { start: third.textStart, end: third.textStart + 5 }, severity: 'warning', message: 'A finding', ruleId: 'some-rule' }] });
    assert.match(html, new RegExp(`<p class="op has-finding finding-warning" data-start="${third.span.start}" data-end="\\d+" title="A finding \\(some-rule\\)">`, 'u'));
    assert.equal(count(html, /has-finding/gu) - count(previewStyles, /has-finding/gu), 1);
  });

  it('marks every paragraph of a long draft, its findings given in any order: the worst severity, the title in the order given', () => {
    const text = ['The General Assembly,', '', ...Array.from({ length: 2000 }, () => ['1. Decides to remain seized of the matter;', '']).flat()].join('\n');
    const draft = parse(text);
    const paragraph = (index: number): Span => (draft.paragraphs[index] as (typeof draft.paragraphs)[number]).span;
    // Last paragraph first; two on the fifth paragraph, a hint before an error: the error colours it, the title keeps this order.
    const findings: { span: Span; severity: Severity; message: string; ruleId: string }[] = draft.paragraphs
      .map((_, index) => ({ span: { start: paragraph(index).start, end: paragraph(index).start + 2 }, severity: 'warning' as const, message: `Finding ${index}`, ruleId: 'rule-a' }))
      .reverse();
    findings.push({ span: { start: paragraph(4).start + 3, end: paragraph(4).start + 5 }, severity: 'hint', message: 'A hint', ruleId: 'rule-b' });
    findings.push({ span: { start: paragraph(4).start + 4, end: paragraph(4).start + 6 }, severity: 'error', message: 'An error', ruleId: 'rule-c' });
    const html = previewHtml(renderModel(draft), { findings });
    assert.equal(count(html, /class="op has-finding finding-warning"/gu), 1999);
    assert.match(html, new RegExp(`class="op has-finding finding-error" data-start="${paragraph(4).start}" data-end="\\d+" title="Finding 4 \\(rule-a\\)\nA hint \\(rule-b\\)\nAn error \\(rule-c\\)"`, 'u'));
  });

  it('is photographed by headless Chromium into test-results/ (skipped without Chromium)', function () {
    const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => fs.existsSync(candidate));
    if (!chromium) this.skip();
    fs.mkdirSync(resultsFolder, { recursive: true });
    const htmlPath = path.join(resultsFolder, 'preview-A_RES_61_181.html');
    const pngPath = path.join(resultsFolder, 'preview-A_RES_61_181.png');
    fs.writeFileSync(htmlPath, previewHtml(modelOf(foundingPath).model));
    fs.rmSync(pngPath, { force: true });
    const run = spawnSync(
      chromium,
      ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--window-size=900,3000', `--screenshot=${pngPath}`, `file://${htmlPath}`],
      { encoding: 'utf8', timeout: 45_000 },
    );
    assert.equal(run.status, 0, run.stderr);
    const png = fs.readFileSync(pngPath);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.readUInt32BE(16), 900);
    assert.ok(png.length > 50_000, `a page of text, not a blank: ${png.length} bytes`);
  });
});

describe('export: nothing of the text lost, nothing invalid written', function () {
  this.timeout(30_000);

  /** The words of a text (letters and digits), as a sorted list, for comparing what an output kept. */
  const wordsOf = (text: string): string[] => (text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).sort();
  const missingWords = (source: string, output: string): string[] => {
    const left = new Map<string, number>();
    for (const word of wordsOf(output)) left.set(word, (left.get(word) ?? 0) + 1);
    return wordsOf(source).filter((word) => {
      const remaining = left.get(word) ?? 0;
      left.set(word, remaining - 1);
      return remaining <= 0;
    });
  };
  const xmlText = (xml: string): string =>
    xml.replace(/<[^>]+>/gu, ' ').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&amp;/gu, '&');
  async function wordParts(model: RenderModel): Promise<{ document: string; footnotes: string; core: string }> {
    const entries = unzipSync(new Uint8Array(await wordDocument(model)));
    const part = (name: string): string => strFromU8(entries[name] ?? new Uint8Array());
    return { document: part('word/document.xml'), footnotes: part('word/footnotes.xml'), core: part('docProps/core.xml') };
  }
  const wordRunText = (xml: string): string => xmlText([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((match) => match[1]).join(' '));

  // XML 1.0's Char production: no C0 control but tab and line breaks, no U+FFFE/U+FFFF, no lone surrogate.
  const forbiddenInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

  it('writes valid Akoma Ntoso and a preview and a Word package without forbidden characters for 400 texts of the fuzz sources', async () => {
    // Control characters, token soups and cut, garbled adopted texts: what a paste or a scan brings.
    const sources = fuzzSources.filter((source) => /control characters|token soups|garbled|Unicode code point/u.test(source.name) && (!source.needsCorpus || fs.existsSync(corpusFolder)));
    const texts = sources.flatMap((source) => fc.sample(source.texts, { numRuns: 100, seed: 17 }));
    const files: XMLFileInfo[] = [];
    for (const [index, text] of texts.entries()) {
      const model = renderModel(parse(text));
      const xml = akomaNtoso(model, { markupDate });
      assert.doesNotMatch(xml, forbiddenInXml, `text ${index}: ${JSON.stringify(text.slice(0, 200))}`);
      assert.doesNotMatch(previewHtml(model), forbiddenInXml, `text ${index}`);
      if (index % 10 === 0) {
        const word = await wordParts(model);
        assert.doesNotMatch(word.document + word.footnotes + word.core, forbiddenInXml, `text ${index}`);
      }
      files.push({ fileName: `fuzz-${index}.xml`, contents: xml });
    }
    const { valid, errors } = await validate(files);
    assert.ok(valid, errors.slice(0, 10).join('\n'));
  });

  it('keeps a footnote text that no call refers to: a note in the Akoma Ntoso metadata, a paragraph after the Word text', async () => {
    const text = [
      'The General Assembly,',
      '',
      'Recalling its resolution 60/1,[^1]',
      '',
      '1. Decides to remain seized of the matter.',
      '',
      '[^1]: Resolution 60/1.',
      '',
      '[^2]: See the report of the Special Committee on Peacekeeping Operations.',
      '',
    ].join('\n');
    const model = renderModel(parse(text));
    const xml = akomaNtoso(model, { markupDate });
    assert.match(xml, /<\/references>\s*<notes source="#resolint">\s*<note marker="2" placement="bottom" eId="note_2"><p>See the report of the Special Committee on Peacekeeping Operations\.<\/p><\/note>\s*<\/notes>\s*<\/meta>/u);
    assert.deepEqual(missingWords(text.replace(/\[\^\d\]/gu, ''), xmlText(xml.slice(xml.indexOf('<notes')))), []);
    assert.ok((await validate([{ fileName: 'uncalled.xml', contents: xml }])).valid);

    const word = await wordParts(model);
    assert.equal(count(word.footnotes, /<w:footnote w:id="\d+">/gu), 1, 'one real footnote: the one the text calls');
    assert.deepEqual(missingWords(text.replace(/\[\^\d\]:?/gu, ''), `${wordRunText(word.document)} ${wordRunText(word.footnotes)}`), []);
  });

  it('keeps the label of a numbered preambular paragraph ("PP1" of a negotiation draft) in Akoma Ntoso and Word', async () => {
    const text = [
      'The General Assembly,',
      '',
      'PP1 Recalling its resolution 60/1 of 16 September 2005,',
      '',
      'PP2 Recognizing the importance of international cooperation in crime prevention,',
      '',
      '1. Decides to remain seized of the matter.',
      '',
    ].join('\n');
    const model = renderModel(parse(text));
    const xml = akomaNtoso(model, { markupDate });
    assert.match(xml, /<container name="recalling" eId="preamble__container_1">\s*<p><inline name="num">PP1<\/inline> <i>Recalling<\/i>/u);
    assert.match(xml, /<container name="recognizing" eId="preamble__container_2">\s*<p><inline name="num">PP2<\/inline> <i>Recognizing<\/i>/u);
    assert.ok((await validate([{ fileName: 'numbered-preamble.xml', contents: xml }])).valid);
    const word = await wordParts(model);
    assert.match(word.document, /<w:t xml:space="preserve">PP1\t<\/w:t>/u);
    assert.match(word.document, /<w:t xml:space="preserve">PP2\t<\/w:t>/u);
  });

  it('writes no character that XML forbids, from a draft that holds control characters and non-characters', async () => {
    const text = [
      'Title with a bell\u0007 and an escape\u001b',
      '',
      'The General Assembly,',
      '',
      'Recalling its resolution 60/1 \u0001of 16 September 2005,[^1]',
      '',
      '1. Decides that \uFFFE the \uD800 matter \u000B stays;',
      '',
      '(a) With a form\u000Cfeed;',
      '',
      '[^1]: A note \u0002with a control character.',
      '',
    ].join('\n');
    const model = renderModel(parse(text));
    const xml = akomaNtoso(model, { markupDate });
    assert.doesNotMatch(xml, forbiddenInXml);
    const { valid, errors } = await validate([{ fileName: 'controls.xml', contents: xml }]);
    assert.ok(valid, errors.join('\n'));
    assert.match(xml, /of 16 September 2005/u);
    const word = await wordParts(model);
    assert.doesNotMatch(word.document + word.footnotes + word.core, forbiddenInXml);
    assert.doesNotMatch(previewHtml(model), forbiddenInXml);
  });
});

describe('export: the command line', function () {
  this.timeout(30_000);

  it('prints Akoma Ntoso, writes Word and HTML files, and refuses Word on standard output', () => {
    // Without the corpus, the example draft without its header (whose symbol would win over the file name's).
    const example = fs.readFileSync(exampleDraftPath, 'utf8');
    const draft = fs.existsSync(foundingPath) ? fs.readFileSync(foundingPath, 'utf8') : example.slice(example.indexOf('The General Assembly,'));
    const folder = makeTempFolder({ 'A_RES_61_181.txt': draft });
    try {
      const akn = runResolint(['--export', 'akn', 'A_RES_61_181.txt'], { cwd: folder });
      assert.equal(akn.status, 0, akn.stderr);
      assert.match(akn.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<akomaNtoso /u);
      assert.match(akn.stdout, /<FRBRname value="A\/RES\/61\/181"\/>/u, 'the symbol read from the file name');

      const docx = runResolint(['--export', 'docx', 'A_RES_61_181.txt', '--output', 'out.docx'], { cwd: folder });
      assert.equal(docx.status, 0, docx.stderr);
      assert.equal(fs.readFileSync(path.join(folder, 'out.docx')).readUInt32LE(0), 0x04034b50, 'a zip file');

      // Standard input named with --stdin-filename: the symbol read from that name, as from a file's.
      const piped = runResolint(['--export', 'akn', '-', '--stdin-filename', 'A_RES_61_181.txt'], { cwd: folder, input: draft });
      assert.equal(piped.status, 0, piped.stderr);
      assert.match(piped.stdout, /<FRBRname value="A\/RES\/61\/181"\/>/u, 'the symbol read from --stdin-filename');

      const html = runResolint(['--export', 'html', '-', '-o', 'preview.html'], { cwd: folder, input: fs.readFileSync(exampleDraftPath, 'utf8') });
      assert.equal(html.status, 0, html.stderr);
      assert.match(fs.readFileSync(path.join(folder, 'preview.html'), 'utf8'), /<span class="mast-symbol"[^>]*>.*A\/C\.3\/81\/L\.12/u);

      const noOutput = runResolint(['--export', 'docx', 'A_RES_61_181.txt'], { cwd: folder });
      assert.equal(noOutput.status, 2);
      assert.match(noOutput.stderr, /--export docx writes a file: give --output/u);
      const noFolder = runResolint(['--export', 'akn', 'A_RES_61_181.txt', '--output', path.join('missing', 'out.xml')], { cwd: folder });
      assert.equal(noFolder.status, 2);
      assert.match(noFolder.stderr, /cannot write \(the folder \S*missing does not exist\)/u, 'the folder is what is missing, not the file');
      const unknown = runResolint(['--export', 'pdf', 'A_RES_61_181.txt'], { cwd: folder });
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /--export: expected one of akn, docx, html/u);
    } finally {
      removeTempFolder(folder);
    }
  });
});
