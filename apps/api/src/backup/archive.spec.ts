import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveWriter, CorruptArchiveError, NotAnArchiveError, readArchive, type EntryDigest } from './archive';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('backup archives (tar, through tar-stream)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-archive-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // 238 bytes: more than ustar's 100-byte name, split into its 155-byte prefix.
  const longName = `files/${'a'.repeat(90)}/${'b'.repeat(50)}/${'c'.repeat(90)}`;
  const contents: Record<string, Buffer> = {
    'empty.bin': Buffer.alloc(0),
    'block.bin': randomBytes(512),
    'odd.bin': randomBytes(513),
    'big.bin': randomBytes(3 * 1024 * 1024 + 17), // several 1 MiB chunks, from a file
    [longName]: Buffer.from('deep'),
  };

  async function write(path: string): Promise<Record<string, EntryDigest>> {
    const writer = await ArchiveWriter.create(path);
    const recorded: Record<string, EntryDigest> = {};
    for (const [name, data] of Object.entries(contents)) {
      if (name === 'big.bin') {
        writeFileSync(join(dir, 'source.bin'), data);
        recorded[name] = await writer.addFile(name, join(dir, 'source.bin'));
      } else recorded[name] = await writer.addBuffer(name, data);
    }
    expect(await writer.finish()).toBe(readFileSync(path).length);
    return recorded;
  }

  it('reads back what it writes: names up to 255 bytes, sizes, offsets, bytes and their sha256', async () => {
    const path = join(dir, 'a.tar');
    const recorded = await write(path);
    const archive = readFileSync(path);
    const entries = await readArchive(path, ({ name }) =>
      name === 'big.bin' ? { file: join(dir, 'out.bin') } : name === 'odd.bin' ? 'hash' : 'memory',
    );
    expect(entries.map((e) => [e.name, e.size])).toEqual(Object.entries(contents).map(([n, d]) => [n, d.length]));
    for (const entry of entries) {
      const data = contents[entry.name];
      expect(recorded[entry.name]).toEqual({ sizeBytes: data.length, sha256: sha256(data) });
      expect(entry.sha256).toBe(sha256(data));
      expect(archive.subarray(entry.offset, entry.offset + entry.size).equals(data)).toBe(true);
      if (entry.name === 'big.bin' || entry.name === 'odd.bin') expect(entry.data).toBeUndefined();
      else expect(entry.data?.equals(data)).toBe(true);
    }
    expect(readFileSync(join(dir, 'out.bin')).equals(contents['big.bin'])).toBe(true);
  });

  it('reads through an open handle from its start, as often as asked, and leaves it open', async () => {
    const path = join(dir, 'a.tar');
    const recorded = await write(path);
    const handle = await open(path, 'r');
    try {
      const first = await readArchive(handle, () => 'hash');
      const second = await readArchive(handle, () => 'hash');
      expect(second).toEqual(first);
      expect(Object.fromEntries(first.map((e) => [e.name, e.sha256]))).toEqual(
        Object.fromEntries(Object.entries(recorded).map(([name, d]) => [name, d.sha256])),
      );
      expect(handle.fd).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  });

  it('writes archives the system tar lists (tar tvf) and extracts identically', async () => {
    const path = join(dir, 'a.tar');
    await write(path);
    const listed = execFileSync('tar', ['-tvf', path], { encoding: 'utf8' }).trim().split('\n');
    expect(listed.map((line) => line.split(/\s+/))).toEqual(
      Object.entries(contents).map(([name, data]) => [
        '-rw-r--r--',
        '0/0',
        String(data.length),
        expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
        expect.stringMatching(/^\d\d:\d\d$/),
        name,
      ]),
    );
    mkdirSync(join(dir, 'x'));
    execFileSync('tar', ['-xf', path, '-C', join(dir, 'x')]);
    for (const [name, data] of Object.entries(contents))
      expect(readFileSync(join(dir, 'x', name)).equals(data)).toBe(true);
  });

  it.each(['ustar', 'gnu', 'pax'])('reads archives the system tar writes (--format=%s)', async (format) => {
    const deep = `${'d'.repeat(60)}/${'e'.repeat(60)}/f.bin`; // a GNU long name, a pax path or a ustar prefix
    mkdirSync(join(dir, 'src', deep, '..'), { recursive: true });
    writeFileSync(join(dir, 'src', 'one.txt'), 'one');
    writeFileSync(join(dir, 'src', 'two.bin'), contents['big.bin']);
    writeFileSync(join(dir, 'src', deep), contents['odd.bin']);
    const path = join(dir, `${format}.tar`);
    execFileSync('tar', [`--format=${format}`, '-cf', path, '-C', join(dir, 'src'), 'one.txt', 'two.bin', deep]);
    const entries = await readArchive(path, () => 'hash');
    expect(entries.map((e) => [e.name, e.size, e.sha256])).toEqual([
      ['one.txt', 3, sha256(Buffer.from('one'))],
      ['two.bin', contents['big.bin'].length, sha256(contents['big.bin'])],
      [deep, 513, sha256(contents['odd.bin'])],
    ]);
  });

  it('refuses a truncated archive, wherever it is cut', async () => {
    const path = join(dir, 'a.tar');
    await write(path);
    const original = readFileSync(path);
    const entries = await readArchive(path, () => 'hash');
    const big = entries.find((e) => e.name === 'big.bin') as { offset: number; size: number };
    const last = entries[entries.length - 1];
    const cut = async (length: number) => {
      writeFileSync(join(dir, 'cut.tar'), original.subarray(0, length));
      return readArchive(join(dir, 'cut.tar'), () => 'hash');
    };
    const inBig = big.offset + 1024 * 1024 + 5;
    await expect(cut(inBig)).rejects.toThrow(`the archive is truncated (it ends at byte ${inBig}, inside big.bin)`);
    await expect(cut(big.offset - 200)).rejects.toThrow(/truncated \(it ends at byte \d+, inside a header\)/);
    // Cut at an entry's end: the two zero blocks that end every tar are missing.
    await expect(cut(last.offset + 512)).rejects.toThrow(/truncated \(it ends at byte \d+, without its end blocks\)/);
    await expect(cut(original.length - 512)).rejects.toThrow(/without its end blocks/);
    await expect(cut(original.length - 1)).rejects.toBeInstanceOf(CorruptArchiveError);
    expect(await cut(original.length)).toHaveLength(entries.length);
  });

  it("catches a flipped byte: in an entry's bytes by its sha256, in a header by its checksum", async () => {
    const path = join(dir, 'a.tar');
    const recorded = await write(path);
    const entries = await readArchive(path, () => 'hash');
    const big = entries.find((e) => e.name === 'big.bin') as { offset: number; size: number };
    const flipped = async (offset: number) => {
      const bytes = readFileSync(path);
      bytes[offset] ^= 1;
      writeFileSync(join(dir, 'flipped.tar'), bytes);
      return readArchive(join(dir, 'flipped.tar'), () => 'hash');
    };
    const read = await flipped(big.offset + 2 * 1024 * 1024 + 3);
    for (const entry of read)
      if (entry.name === 'big.bin') expect(entry.sha256).not.toBe(recorded['big.bin'].sha256);
      else expect(entry.sha256).toBe(recorded[entry.name].sha256);
    await expect(flipped(big.offset - 512 + 3)).rejects.toThrow(
      `the archive is damaged (bad header checksum at byte ${big.offset - 512})`,
    );
  });

  it('refuses what is no tar at all, and entries that are not regular files', async () => {
    const attempt = (name: string, bytes: Buffer) => {
      writeFileSync(join(dir, name), bytes);
      return readArchive(join(dir, name), () => 'hash');
    };
    await expect(attempt('text', Buffer.from('not a tar at all'.repeat(100)))).rejects.toThrow(NotAnArchiveError);
    await expect(attempt('short', Buffer.from('PGDMP'))).rejects.toThrow(NotAnArchiveError);
    await expect(attempt('empty', Buffer.alloc(0))).rejects.toThrow(NotAnArchiveError);
    expect(await attempt('zeros', Buffer.alloc(10240))).toEqual([]);

    mkdirSync(join(dir, 'src', 'sub'), { recursive: true });
    symlinkSync('/etc/passwd', join(dir, 'src', 'link'));
    writeFileSync(join(dir, 'src', 'sub', 'file'), 'x');
    for (const member of ['link', 'sub']) {
      execFileSync('tar', ['-cf', join(dir, `${member}.tar`), '-C', join(dir, 'src'), member]);
      await expect(readArchive(join(dir, `${member}.tar`), () => 'hash')).rejects.toThrow(
        `the archive holds ${member}${member === 'sub' ? '/' : ''}, which is not a regular file`,
      );
    }
  });

  it("passes the caller's error through, and never overwrites a file", async () => {
    const path = join(dir, 'a.tar');
    await write(path);
    const stop = new Error('stop here');
    await expect(
      readArchive(path, ({ name }) => {
        if (name === 'odd.bin') throw stop;
        return 'hash';
      }),
    ).rejects.toBe(stop);
    writeFileSync(join(dir, 'taken'), 'mine');
    await expect(readArchive(path, () => ({ file: join(dir, 'taken') }))).rejects.toThrow(/EEXIST/);
    expect(readFileSync(join(dir, 'taken'), 'utf8')).toBe('mine');
    await expect(ArchiveWriter.create(path)).rejects.toThrow(/EEXIST/);
  });

  it('fails an entry whose file does not hold the size it had when the copy began', async () => {
    // /proc files are stat()ed as 0 bytes but read as more: a file that grew meanwhile.
    const writer = await ArchiveWriter.create(join(dir, 'a.tar'));
    await writer.addBuffer('first.txt', Buffer.from('first'));
    await expect(writer.addFile('status', '/proc/self/status')).rejects.toThrow(
      '/proc/self/status changed while it was being copied',
    );
    await writer.abort();
    expect(existsSync(join(dir, 'a.tar'))).toBe(true); // the caller removes it
  });
});
