import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * Hex SHA-256 of a text's UTF-8 bytes. @noble/hashes is synchronous and runs unchanged in Node
 * and browsers, where Web Crypto would force every caller to be async.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
