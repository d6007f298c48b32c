/**
 * The file name a `Content-Disposition` header suggests (RFC 6266): `filename*` (RFC 8187, percent-encoded
 * UTF-8) wins over `filename`; quoted strings may escape characters with a backslash. Directory parts are
 * dropped, so a header can never make the browser write outside the downloads folder. `fallback` when the
 * header names no file.
 */
export function filenameFromContentDisposition(header: string | null | undefined, fallback = 'download'): string {
  if (!header) return fallback;
  const params = parseParams(header);
  const extended = params.get('filename*');
  if (extended) {
    const decoded = decodeExtValue(extended);
    if (decoded) return safeName(decoded, fallback);
  }
  const plain = params.get('filename');
  return plain ? safeName(plain, fallback) : fallback;
}

/** `attachment; filename="a;b.pdf"; filename*=UTF-8''a%3Bb.pdf` → lower-cased names to raw values (unquoted). */
function parseParams(header: string): Map<string, string> {
  const params = new Map<string, string>();
  // name=value pairs after the disposition type; a value is a quoted string (with \-escapes) or a token
  const pattern = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (const match of header.matchAll(pattern)) {
    const name = match[1]?.toLowerCase();
    if (!name || params.has(name)) continue;
    const quoted = match[2];
    params.set(name, quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (match[3] ?? '').trim());
  }
  return params;
}

/** `UTF-8''na%C3%AFve.pdf` → `naïve.pdf`; undefined for charsets we cannot decode or broken escapes. */
function decodeExtValue(value: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return undefined;
  const charset = (match[1] ?? '').toLowerCase();
  const encoded = match[2] ?? '';
  try {
    if (charset === 'utf-8') return decodeURIComponent(encoded);
    if (charset === 'iso-8859-1') {
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
  } catch {
    // malformed percent-encoding: use the plain filename instead
  }
  return undefined;
}

function safeName(name: string, fallback: string): string {
  // a header could carry a path or control characters; keep only the last segment, printable
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = Array.from(base)
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}

/**
 * Hands a blob to the browser as a download with the given name. The file came through `fetch` with the bearer
 * token, so a plain link to the API would not do: the anchor points at an object URL instead.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // the click starts the download asynchronously; revoking at once can cancel it in some browsers
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
