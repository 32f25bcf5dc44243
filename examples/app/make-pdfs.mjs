#!/usr/bin/env node
// Generates the sample PDFs the demo app ships (examples/app/pdfs/). Run once after changing the
// texts; the outputs are committed so the demo needs no generation step.
// The Hebrew document embeds the shipped (27 KB) Noto Sans Hebrew, so pdf.js can render it on
// any machine. PDF text has no bidi algorithm: Hebrew lines are drawn in visual order (reversed)
// and right-aligned, which is what an RTL text layout engine would have produced.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'pdfs');
mkdirSync(out, { recursive: true });
const A4 = [595.28, 841.89];
const MARGIN = 56;

/** Visual order for a pure-Hebrew line (no digits or Latin runs in our sample texts). */
const visual = (line) => [...line].reverse().join('');

async function english(file, title, pages) {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer('playwright-perf demo');
  doc.setCreationDate(new Date(Date.UTC(2026, 0, 1)));
  doc.setModificationDate(new Date(Date.UTC(2026, 0, 1)));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  pages.forEach((lines, i) => {
    const page = doc.addPage(A4);
    page.drawText(`${title} — page ${i + 1} of ${pages.length}`, {
      x: MARGIN,
      y: A4[1] - MARGIN,
      size: 18,
      font: bold,
    });
    lines.forEach((line, j) => {
      page.drawText(line, { x: MARGIN, y: A4[1] - MARGIN - 40 - j * 22, size: 12, font });
    });
    page.drawRectangle({ x: MARGIN, y: 120, width: 220, height: 60, borderColor: rgb(0.3, 0.3, 0.6), borderWidth: 1 });
    page.drawText('Signature', { x: MARGIN + 4, y: 106, size: 10, font, color: rgb(0.3, 0.3, 0.6) });
  });
  writeFileSync(join(out, file), await doc.save({ useObjectStreams: false }));
}

async function hebrew(file, title, pages) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(title);
  doc.setProducer('playwright-perf demo');
  doc.setCreationDate(new Date(Date.UTC(2026, 0, 1)));
  doc.setModificationDate(new Date(Date.UTC(2026, 0, 1)));
  const font = await doc.embedFont(readFileSync(join(here, 'public', 'fonts', 'NotoSansHebrew-Regular.ttf')), {
    subset: false,
  });
  const right = (text, size) => A4[0] - MARGIN - font.widthOfTextAtSize(text, size);
  // One Tj per glyph at an explicit x: pdf.js mis-spaced whole Hebrew runs from this CID font
  // (glyph advances did not match /W), explicit positions render identically everywhere.
  const drawRun = (page, text, { x, y, size, color }) => {
    for (const ch of text) {
      page.drawText(ch, { x, y, size, font, ...(color ? { color } : {}) });
      x += font.widthOfTextAtSize(ch, size);
    }
  };
  pages.forEach((lines) => {
    const page = doc.addPage(A4);
    const heading = visual(title);
    drawRun(page, heading, { x: right(heading, 20), y: A4[1] - MARGIN, size: 20 });
    lines.forEach((line, j) => {
      const v = visual(line);
      drawRun(page, v, { x: right(v, 13), y: A4[1] - MARGIN - 44 - j * 24, size: 13 });
    });
    page.drawRectangle({
      x: A4[0] - MARGIN - 220,
      y: 120,
      width: 220,
      height: 60,
      borderColor: rgb(0.3, 0.3, 0.6),
      borderWidth: 1,
    });
    const sig = visual('חתימה');
    drawRun(page, sig, { x: right(sig, 10), y: 106, size: 10, color: rgb(0.3, 0.3, 0.6) });
  });
  writeFileSync(join(out, file), await doc.save({ useObjectStreams: false }));
}

await english('nda-en.pdf', 'Mutual NDA', [
  [
    'This agreement is made between the parties named below.',
    "Each party keeps the other party's information confidential.",
    'The term of this agreement is two years.',
  ],
  ['Signed by the parties on the date shown next to each signature.', 'Please sign in the box below.'],
]);
await hebrew('lease-he.pdf', 'הסכם שכירות', [
  ['הסכם זה נערך ונחתם בין המשכיר לבין השוכר', 'השוכר מתחייב לשמור על הדירה במצב טוב', 'תקופת השכירות היא שנה אחת'],
  ['הצדדים מאשרים כי קראו והבינו את ההסכם', 'נא לחתום בתיבה שלמטה'],
]);
await english('invoice-3p.pdf', 'Service order', [
  ['Order for consulting services.', 'Item 1: discovery workshop.'],
  ['Item 2: implementation.', 'Item 3: training.'],
  ['Total due on signature.', 'Please sign below to confirm the order.'],
]);
console.log(`PDFs written to ${out}`);
