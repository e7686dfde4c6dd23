import fs from 'node:fs';
import { BoucleError } from '../../../src-shared/errors';
import { MAX_BPMN_CHARS } from '../../../src-shared/processes/bpmn';
import { sourceFile } from '../imports/uploads';

// Where the text of a BPMN file comes from: the call itself (xml), an upload of the web shell
// (fileRef), or a file on disk (path: the desktop app and the CLI). A file too large for the limit is
// refused from its size, before a byte of it is read.

export interface BpmnSource {
  xml?: string | undefined;
  fileRef?: string | undefined;
  path?: string | undefined;
  fileName?: string | undefined;
}

export function readBpmnSource(src: BpmnSource): { xml: string; fileName: string | undefined; bytes: number } {
  if (src.xml !== undefined) return { xml: src.xml, fileName: src.fileName, bytes: src.xml.length };
  const { path: file, name, field, stat: { size } } = sourceFile(src);
  // UTF-8 takes at least one byte per character: more bytes than the limit allows characters is too large.
  if (size > MAX_BPMN_CHARS * 4) throw BoucleError.of('validation', 'bpmn.too_large', undefined, field);
  const buf = fs.readFileSync(file);
  let xml: string;
  if (buf[0] === 0xff && buf[1] === 0xfe) xml = buf.subarray(2).toString('utf16le');
  else xml = buf.toString('utf8');
  if (xml.length > MAX_BPMN_CHARS) throw BoucleError.of('validation', 'bpmn.too_large', undefined, field);
  return { xml, fileName: src.fileName ?? name, bytes: size };
}
