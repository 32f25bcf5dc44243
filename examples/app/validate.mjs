// Server-side validation of what the browser sends: PDFs, signatures and (mock) card payments.
// Returns null when valid, otherwise a short reason the UI shows.

const PDF_MAGIC = '%PDF-';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
// A signature must be more than a dot or a dash: enough points, covering a real part of the pad.
const MIN_SIGNATURE_POINTS = 10;
const MIN_SIGNATURE_WIDTH_SHARE = 0.2;
const MIN_SIGNATURE_HEIGHT_SHARE = 0.1;
const MAX_SIGNATURE_IMAGE_BYTES = 300 * 1024;

export function pdfProblem(buf) {
  if (!buf.length) return 'empty file';
  if (buf.length > MAX_UPLOAD_BYTES) return 'file too large';
  if (buf.subarray(0, 5).toString('latin1') !== PDF_MAGIC) return 'not a PDF (missing %PDF- header)';
  if (
    !buf
      .subarray(Math.max(0, buf.length - 1024))
      .toString('latin1')
      .includes('%%EOF')
  )
    return 'truncated PDF (no %%EOF)';
  return null;
}

export function signatureProblem(body) {
  if (!body || typeof body !== 'object') return 'no signature';
  const { strokes, width, height, image } = body;
  if (!Array.isArray(strokes) || strokes.length === 0) return 'no strokes';
  if (!(width > 0 && height > 0)) return 'bad pad size';
  let points = 0,
    minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const stroke of strokes) {
    if (!Array.isArray(stroke)) return 'bad stroke';
    for (const p of stroke) {
      if (!Array.isArray(p) || p.length !== 2 || !p.every(Number.isFinite)) return 'bad point';
      points++;
      minX = Math.min(minX, p[0]);
      maxX = Math.max(maxX, p[0]);
      minY = Math.min(minY, p[1]);
      maxY = Math.max(maxY, p[1]);
    }
  }
  if (points < MIN_SIGNATURE_POINTS) return 'signature too short';
  if (maxX - minX < width * MIN_SIGNATURE_WIDTH_SHARE || maxY - minY < height * MIN_SIGNATURE_HEIGHT_SHARE)
    return 'signature too small';
  if (typeof image !== 'string' || !image.startsWith('data:image/png;base64,')) return 'no signature image';
  const png = Buffer.from(image.slice('data:image/png;base64,'.length), 'base64');
  if (png.length > MAX_SIGNATURE_IMAGE_BYTES) return 'signature image too large';
  if (!png.subarray(0, 8).equals(PNG_MAGIC)) return 'signature image is not a PNG';
  return null;
}

export function luhnOk(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Mock card check. Card 4000 0000 0000 0002 is always declined (like payment providers' test cards). */
export function paymentProblem(body, now = new Date()) {
  if (!body || typeof body !== 'object') return 'no payment';
  const digits = String(body.cardNumber ?? '').replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(digits) || !luhnOk(digits)) return 'invalid card number';
  const m = /^(\d{2})\s*\/\s*(\d{2})$/.exec(String(body.expiry ?? ''));
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) return 'invalid expiry';
  const endOfMonth = new Date(Date.UTC(2000 + Number(m[2]), Number(m[1]), 1));
  if (endOfMonth <= now) return 'card expired';
  if (!/^\d{3,4}$/.test(String(body.cvc ?? ''))) return 'invalid CVC';
  if (digits === '4000000000000002') return 'card declined';
  return null;
}
