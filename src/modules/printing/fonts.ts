import { closeSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The four faces of the one family every PDF is set in. */
export interface FontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

/** The family name documents refer to (`defaultStyle.font`). */
export const FONT_FAMILY = 'NotoSans';

const PACKAGE = '@expo-google-fonts/noto-sans';

/**
 * Noto Sans (SIL Open Font License) from its npm package: it covers Vietnamese with every diacritic.
 * Resolved, not checked: `checkFonts` says what is missing.
 */
export function notoSansFiles(): FontFiles {
  const at = (face: string) => {
    const spec = `${PACKAGE}/${face}/NotoSans_${face}.ttf`;
    try {
      return fileURLToPath(import.meta.resolve(spec));
    } catch {
      return spec; // not installed: checkFonts names it
    }
  };
  return {
    normal: at('400Regular'),
    bold: at('700Bold'),
    italics: at('400Regular_Italic'),
    bolditalics: at('700Bold_Italic'),
  };
}

// TrueType (00 01 00 00, 'true') or OpenType with CFF outlines ('OTTO').
const FONT_MAGIC = new Set(['00010000', '74727565', '4f54544f']);

function magicOf(path: string): string | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 ? head.toString('hex') : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Checks every face is a readable font file, at start-up: a missing or broken font stops the platform
 * from starting with the path named, instead of failing the first citizen who prints a form.
 */
export function checkFonts(files: FontFiles): FontFiles {
  const bad = (Object.entries(files) as [keyof FontFiles, string][])
    .filter(([, path]) => {
      const magic = magicOf(path);
      return magic === null || !FONT_MAGIC.has(magic);
    })
    .map(([face, path]) => `${face}: ${path}`);
  if (bad.length)
    throw new Error(
      `Thiếu phông chữ để in PDF hoặc tệp phông chữ hỏng (${bad.join('; ')}); cài lại gói ${PACKAGE} bằng "npm ci"`,
    );
  return files;
}
