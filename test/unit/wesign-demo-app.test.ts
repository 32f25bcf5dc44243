// The demo app's pure parts: delay parsing and the server-side validation rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const app = join(__dirname, '..', '..', 'examples', 'app');
const load = async () => ({
  delays: await import(pathToFileURL(join(app, 'delays.mjs')).href),
  validate: await import(pathToFileURL(join(app, 'validate.mjs')).href),
});

test('delays: header syntax, font=missing, env, bad input', async () => {
  const { delays } = await load();
  assert.deepEqual(delays.parseDelays('font=300, i18n=20,font=missing'), { font: 300, i18n: 20, fontMissing: true });
  assert.throws(() => delays.parseDelays('fnt=3'), /unknown delay "fnt"/);
  assert.throws(() => delays.parseDelays('font=-1'), /0…30000 ms/);
  assert.deepEqual(delays.fromEnv({ WESIGN_DELAY_LOGIN: '250', WESIGN_FONT: 'missing' }), {
    login: 250,
    fontMissing: true,
  });
  assert.throws(() => delays.checkDelayObject({ login: 'slow' }), /delay "login"/);
  const req = { headers: { 'x-wesign-delays': 'login=5' } };
  assert.deepEqual(delays.delaysFor(req, { 'wesign-delays': 'login%3D9%2Cfont%3D7' }, { page: 1 }), {
    page: 1,
    login: 5,
    font: 7,
  });
});

test('validate: PDFs', async () => {
  const { validate } = await load();
  assert.equal(validate.pdfProblem(readFileSync(join(app, 'pdfs', 'lease-he.pdf'))), null);
  assert.match(validate.pdfProblem(Buffer.from('hello')), /not a PDF/);
  assert.match(validate.pdfProblem(Buffer.from('%PDF-1.7 cut')), /truncated/);
});

test('validate: signatures need enough points spread over the pad and a PNG', async () => {
  const { validate } = await load();
  const png =
    'data:image/png;base64,' + Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]).toString('base64');
  const wave = [Array.from({ length: 20 }, (_, i) => [20 + i * 15, 75 + Math.round(Math.sin(i) * 30)])];
  assert.equal(validate.signatureProblem({ strokes: wave, width: 400, height: 150, image: png }), null);
  assert.match(validate.signatureProblem({ strokes: [], width: 400, height: 150, image: png }), /no strokes/);
  assert.match(
    validate.signatureProblem({
      strokes: [
        [
          [1, 1],
          [2, 2],
        ],
      ],
      width: 400,
      height: 150,
      image: png,
    }),
    /too short/,
  );
  assert.match(
    validate.signatureProblem({
      strokes: [Array.from({ length: 12 }, (_, i) => [100 + i, 50])],
      width: 400,
      height: 150,
      image: png,
    }),
    /too small/,
  );
  assert.match(
    validate.signatureProblem({ strokes: wave, width: 400, height: 150, image: 'data:image/png;base64,AAAA' }),
    /not a PNG/,
  );
});

test('validate: mock payments (Luhn, expiry, CVC, declined test card)', async () => {
  const { validate } = await load();
  const now = new Date(Date.UTC(2026, 10, 22));
  assert.equal(validate.paymentProblem({ cardNumber: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' }, now), null);
  assert.match(
    validate.paymentProblem({ cardNumber: '4242 4242 4242 4241', expiry: '12/30', cvc: '123' }, now),
    /invalid card/,
  );
  assert.match(
    validate.paymentProblem({ cardNumber: '4242424242424242', expiry: '10/26', cvc: '123' }, now),
    /expired/,
  );
  assert.equal(validate.paymentProblem({ cardNumber: '4242424242424242', expiry: '11/26', cvc: '123' }, now), null);
  assert.match(
    validate.paymentProblem({ cardNumber: '4242424242424242', expiry: '13/30', cvc: '123' }, now),
    /invalid expiry/,
  );
  assert.match(validate.paymentProblem({ cardNumber: '4242424242424242', expiry: '12/30', cvc: '12' }, now), /CVC/);
  assert.match(
    validate.paymentProblem({ cardNumber: '4000 0000 0000 0002', expiry: '12/30', cvc: '123' }, now),
    /declined/,
  );
});
