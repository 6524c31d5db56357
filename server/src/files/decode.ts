/**
 * The text of a file's bytes the way editors and kubectl read them: UTF-8 unless a byte-order
 * mark says UTF-16 (PowerShell's `>` writes UTF-16LE with a BOM; kubectl decodes it), and without
 * the BOM itself, which is not part of the text.
 */
export function decodeFileText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    // Node has no UTF-16BE decoder: swap each pair of bytes into little-endian order first.
    const body = Buffer.from(buffer.subarray(2, buffer.length - (buffer.length % 2)));
    return body.swap16().toString('utf16le');
  }
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
