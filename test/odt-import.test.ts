// `--import` of an OpenDocument text (server/src/node/odt-import.ts): the lists' numbers, the notes and
// tracked changes read as a drafter sees them in LibreOffice.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { convertToDraftFormat, lint, parse } from '../server/src/core/index';
import { openDocumentText } from '../server/src/node/odt-import';
import { makeTempFolder, removeTempFolder, runResolint } from './cli/run-resolint';

const namespaces = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

/** An .odt as LibreOffice writes one: its type first, uncompressed, then content.xml and styles.xml. */
function openDocument(body: string, automaticStyles = '', styles = ''): Uint8Array {
  const xml = (root: string, inner: string): Uint8Array => strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:${root} ${namespaces} office:version="1.3">${inner}</office:${root}>`);
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': xml('document-content', `<office:automatic-styles>${automaticStyles}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body>`),
    'styles.xml': xml('document-styles', `<office:styles>${styles}</office:styles>`),
  });
}

/** A list style: decimal "1." at level 1, "(a)" at level 2, "(i)" at level 3. */
const operativeList = [
  '<text:list-style style:name="L1">',
  '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>',
  '<text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="a"/>',
  '<text:list-level-style-number text:level="3" style:num-prefix="(" style:num-suffix=")" style:num-format="i"/>',
  '</text:list-style>',
].join('');

const p = (text: string): string => `<text:p>${text}</text:p>`;
const item = (inner: string): string => `<text:list-item>${inner}</text:list-item>`;

/** The draft `--import` prints for an OpenDocument text. */
function imported(bytes: Uint8Array): string {
  const read = openDocumentText(bytes);
  assert.ok(read.ok, read.ok ? '' : read.reason);
  return convertToDraftFormat(parse(read.text));
}

describe('--import of an OpenDocument text', () => {
  it('reads the lists\' numbers and letters (a list continued after a paragraph between), notes, and tracked changes as accepted', () => {
    const body = [
      p('The General Assembly,'),
      p('Recalling its resolution 75/1 of 21 September 2020,<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>' + p('Resolution 75/1.') + '</text:note-body></text:note>'),
      p('Taking note of the report<text:s/>of the Special Rapporteur,<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body>' + p('A/HRC/61/7.') + '</text:note-body></text:note>'),
      `<text:list xml:id="list1" text:style-name="L1">${item(p('Decides to convene a high-level meeting:') + `<text:list>${item(p('To open it;'))}${item(p('To hear:') + `<text:list>${item(p('The Member States;'))}${item(p('The observers;'))}</text:list>`)}${item(p('To close it;'))}</text:list>`)}</text:list>`,
      '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Delegation</dc:creator></office:change-info>' + p('the Secretariat') + '</text:deletion></text:changed-region></text:tracked-changes>',
      `<text:list text:continue-list="list1" text:style-name="L1">${item(p('Requests <text:change text:change-id="ct1"/>the Secretary-General to report<office:annotation><text:p>a comment</text:p></office:annotation> on the meeting at the eighty-third session.'))}</text:list>`,
    ].join('');
    assert.equal(
      imported(openDocument(body, operativeList)),
      [
        'The General Assembly,',
        '',
        'Recalling its resolution 75/1 of 21 September 2020,[^1]',
        '',
        'Taking note of the report of the Special Rapporteur,[^2]',
        '',
        '1. Decides to convene a high-level meeting:',
        '   (a) To open it;',
        '   (b) To hear:',
        '      (i) The Member States;',
        '      (ii) The observers;',
        '   (c) To close it;',
        '',
        '2. Requests the Secretary-General to report on the meeting at the eighty-third session.',
        '',
        '[^1]: Resolution 75/1.',
        '[^2]: A/HRC/61/7.',
        '',
      ].join('\n'),
    );
  });

  it('counts a new list from its start, an item from its own start value, and takes a paragraph style\'s list style', () => {
    const styles = '<style:style style:name="Numbered" style:family="paragraph" style:list-style-name="L2"/><text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/></text:list-style>';
    const body = [
      p('The Security Council,'),
      p('Recalling its resolutions,'),
      `<text:list>${item('<text:p text:style-name="Numbered">Decides to act;</text:p>')}</text:list>`,
      `<text:list text:style-name="L2"><text:list-item text:start-value="3">${p('Requests a report;')}</text:list-item>${item(p('Decides to remain seized of the matter.'))}</text:list>`,
    ].join('');
    assert.equal(
      imported(openDocument(body, '', styles)),
      ['The Security Council,', '', 'Recalling its resolutions,', '', '1. Decides to act;', '', '3. Requests a report;', '', '4. Decides to remain seized of the matter.', ''].join('\n'),
    );
  });

  it('reads digits set as superscript as a call, or as a note\'s label where they open a paragraph (a repeated call, as LibreOffice writes Word\'s)', () => {
    const superscript = '<style:style style:name="T1" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>';
    const body = [
      p('The General Assembly,'),
      p('Recalling its resolution 70/1,<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>' + p('Resolution 70/1.') + '</text:note-body></text:note>'),
      p('Recalling also its resolution 70/1,<text:span text:style-name="T1">1</text:span> and noting the report,<text:span text:style-name="T1">2</text:span>'),
      `<text:list text:style-name="L1">${item(p('Decides to act.'))}</text:list>`,
      p('<text:span text:style-name="T1">2</text:span> A/81/123.'),
    ].join('');
    const read = openDocumentText(openDocument(body, superscript + operativeList));
    assert.ok(read.ok);
    assert.match(read.text, /^Recalling also its resolution 70\/1,\[\^1\] and noting the report,\[\^2\]$/m);
    assert.match(read.text, /^\[\^2\]: A\/81\/123\.$/m);
    assert.deepEqual(lint(convertToDraftFormat(parse(read.text))).findings.filter((finding) => finding.ruleId.startsWith('footnote')).map((finding) => finding.ruleId), []);
  });

  it('numbers headings as the outline numbering does ("I.", "A."), a lower level starting afresh under a higher one', () => {
    const outline = '<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-suffix="." style:num-format="I"/><text:outline-level-style text:level="2" style:num-suffix="." style:num-format="A"/></text:outline-style>';
    const h = (level: number, text: string): string => `<text:h text:outline-level="${level}">${text}</text:h>`;
    const read = openDocumentText(openDocument([h(1, 'Commitments'), h(2, 'Partnerships'), h(2, 'Financing'), h(1, 'Review'), h(2, 'Follow-up'), '<text:h text:outline-level="1" text:is-list-header="true">Annex</text:h>'].join(''), '', outline));
    assert.ok(read.ok);
    assert.equal(read.text, `${['I. Commitments', 'A. Partnerships', 'B. Financing', 'II. Review', 'A. Follow-up', 'Annex'].join('\n\n')}\n`);
  });

  it('leaves out text boxes and hidden text, and reads table cells and line breaks', () => {
    const body = [
      '<table:table><table:table-row><table:table-cell>' + p('United Nations') + '</table:table-cell><table:table-cell>' + p('A/RES/81/1') + '</table:table-cell></table:table-row></table:table>',
      p('The General Assembly,'),
      p('Recalling<draw:frame><draw:text-box>' + p('a box') + '</draw:text-box></draw:frame> its resolution 70/1,<text:hidden-text text:string-value="x">note to self</text:hidden-text>'),
      `<text:list text:style-name="L1">${item(p('Decides to act<text:line-break/>at once.'))}</text:list>`,
    ].join('');
    const text = imported(openDocument(body, operativeList));
    assert.match(text, /^United Nations\nA\/RES\/81\/1\n/);
    assert.match(text, /^Recalling its resolution 70\/1,$/m);
    assert.doesNotMatch(text, /a box|note to self/);
    // The line break is read as one; the conversion joins a paragraph's lines.
    assert.match(text, /^1\. Decides to act at once\.$/m);
  });

  it('a draft written in LibreOffice lints as the same draft typed as text', () => {
    const body = [p('The General Assembly,'), p('Recalls its resolution 70/1,'), `<text:list text:style-name="L1">${item(p('Urging Member States to act;'))}${item(p('Decides to remain seized of the matter.'))}</text:list>`].join('');
    const findings = lint(imported(openDocument(body, operativeList))).findings.map((finding) => finding.ruleId);
    assert.deepEqual(findings, ['preambular-phrase', 'operative-verb']);
  });

  it('says what is wrong with a damaged copy, and never throws on one (fast-check)', () => {
    const good = openDocument(p('The General Assembly,') + p('Recalling its resolution 70/1,'));
    const noContent = openDocumentText(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text') }));
    assert.deepEqual(noContent, { ok: false, reason: 'a ZIP archive without content.xml: not an OpenDocument text' });
    const broken = openDocumentText(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content><office:body><office:text><text:p>') }));
    assert.ok(!broken.ok && broken.reason.startsWith('not a readable OpenDocument text'), JSON.stringify(broken));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.nat(255)), { maxLength: 8 }), fc.nat(good.length), (changes, cut) => {
        const bytes = good.slice(0, Math.max(cut, 4));
        for (const [at, value] of changes) if (at < bytes.length) bytes[at] = value;
        const read = openDocumentText(bytes);
        assert.ok(read.ok ? typeof read.text === 'string' : read.reason.length > 0);
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? '') || 300 },
    );
  });

  describe('on the command line', () => {
    let folder: string;
    before(() => {
      folder = makeTempFolder({});
    });
    after(() => removeTempFolder(folder));

    it('--import reads it into the draft format; linting it names it and says to import it', () => {
      const file = path.join(folder, 'draft.odt');
      fs.writeFileSync(file, openDocument(p('The General Assembly,') + p('Recalling its resolution 70/1,') + `<text:list text:style-name="L1">${item(p('Decides to act.'))}</text:list>`, operativeList));
      const importedRun = runResolint(['--import', file]);
      assert.equal(importedRun.status, 0, importedRun.stderr);
      assert.equal(importedRun.stdout, 'The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to act.\n');
      const linted = runResolint([file]);
      assert.equal(linted.status, 2);
      assert.equal(linted.stderr.trim(), `resolint: ${file}: an OpenDocument text (.odt), not text: \`resolint --import\` reads it into the draft format`);
    });
  });
});
