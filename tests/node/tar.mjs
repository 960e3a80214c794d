// A minimal POSIX tar writer for tests: enough to build a FHIR NPM package (package/*.json) in memory.
function header(name, size) {
  const block = Buffer.alloc(512);
  block.write(name, 0, 100, 'utf8');
  block.write('0000644\0', 100);  // mode
  block.write('0000000\0', 108);  // uid
  block.write('0000000\0', 116);  // gid
  block.write(size.toString(8).padStart(11, '0') + '\0', 124);
  block.write('00000000000\0', 136);  // mtime
  block.write('        ', 148);  // checksum placeholder: spaces while summing
  block.write('0', 156);  // regular file
  block.write('ustar\0' + '00', 257);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return block;
}

/** Tar bytes holding `files` ({path: content}). */
export function makeTar(files) {
  const parts = [];
  for (const [path, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    parts.push(header(path, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return new Uint8Array(Buffer.concat(parts));
}
