// Extracts the credential from a file: JSON, baked PNG (iTXt
// "openbadgecredential") or baked SVG (<openbadges:credential>).
import fs from 'node:fs';
import zlib from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const KEYWORD = 'openbadgecredential';

/** Returns the text of the first iTXt chunk with our keyword, or null. */
export function pngCredentialText(buf) {
  for(let pos = 8; pos + 8 <= buf.length;) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + length);
    pos += 12 + length;
    if(type === 'IEND') break;
    if(type !== 'iTXt') continue;
    // keyword\0 compressionFlag compressionMethod language\0 translated\0 text
    const k = data.indexOf(0);
    if(data.toString('latin1', 0, k) !== KEYWORD) continue;
    const compressed = data[k + 1] === 1;
    const lang = data.indexOf(0, k + 3);
    const translated = data.indexOf(0, lang + 1);
    const text = data.subarray(translated + 1);
    return (compressed ? zlib.inflateSync(text) : text).toString('utf8');
  }
  return null;
}

/** Returns {text} (JSON from CDATA/text) or {jws} (verify attribute), or null. */
export function svgCredential(svg) {
  const m = /<openbadges:credential\b([^>]*?)(?:\/>|>([\s\S]*?)<\/openbadges:credential>)/.exec(svg);
  if(!m) return null;
  const body = (m[2] ?? '').replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1').trim();
  if(body) return {text: body};
  const verify = /\bverify\s*=\s*"([^"]*)"|\bverify\s*=\s*'([^']*)'/.exec(m[1]);
  return verify ? {jws: verify[1] ?? verify[2]} : null;
}

const looksLikeJws = s => /^[\w-]+\.[\w-]*\.[\w-]*$/.test(s.trim());

function parseCredentialText(text, where) {
  const t = text.trim();
  if(looksLikeJws(t)) {
    throw new Error(`${where}: compact JWS / VC-JWT is not supported by this harness`);
  }
  try {
    return JSON.parse(t);
  } catch(e) {
    throw new Error(`${where}: not JSON: ${e.message}`);
  }
}

/** Reads FILE and returns the credential object it carries (throws on error). */
export function extractCredential(file) {
  const buf = fs.readFileSync(file);
  if(buf.subarray(0, 8).equals(PNG_SIGNATURE)) {
    const text = pngCredentialText(buf);
    if(text === null) throw new Error('PNG has no iTXt "openbadgecredential" chunk');
    return parseCredentialText(text, 'PNG iTXt');
  }
  const str = buf.toString('utf8');
  if(/<svg[\s>]/.test(str) && str.includes('openbadges:credential')) {
    const found = svgCredential(str);
    if(!found) throw new Error('SVG has no <openbadges:credential> content');
    if(found.jws) {
      throw new Error('SVG carries a JWS in the "verify" attribute; not supported by this harness');
    }
    return parseCredentialText(found.text, 'SVG openbadges:credential');
  }
  if(/<svg[\s>]/.test(str)) throw new Error('SVG has no <openbadges:credential> element');
  return parseCredentialText(str.replace(/^\uFEFF/, ''), file);
}
