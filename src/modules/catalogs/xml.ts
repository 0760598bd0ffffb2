import { esc } from '../../domain/xml.ts';
import type { CatalogExport } from './schema.ts';

/**
 * XML form of a catalog export, for partners that synchronise shared catalogs in XML (II.16.1).
 * Element names follow the Vietnamese, diacritic-free style of the national portal's packets
 * (DanhMuc, Muc, Ma, Ten, MaCha…). Values of `extra` that are not strings are written as JSON text
 * with kieu="json".
 */
export function catalogExportToXml(data: CatalogExport): string {
  const c = data.catalog;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<DanhMuc Ma="${esc(c.code)}" Ten="${esc(c.name)}" TenTiengAnh="${esc(c.nameEn)}" PhienBan="${c.version}" CapNhatLuc="${esc(c.updatedAt)}" KetXuatLuc="${esc(data.exportedAt)}"${
      data.updatedSince ? ` CapNhatTu="${esc(data.updatedSince)}"` : ''
    } SoMuc="${data.items.length}"${c.parentCatalog ? ` DanhMucCha="${esc(c.parentCatalog)}"` : ''}>`,
    `  <Nguon>${esc(c.source)}</Nguon>`,
  ];
  for (const item of data.items) {
    lines.push('  <Muc>');
    lines.push(`    <Ma>${esc(item.code)}</Ma>`);
    lines.push(`    <Ten>${esc(item.name)}</Ten>`);
    if (item.parentCode !== null) lines.push(`    <MaCha>${esc(item.parentCode)}</MaCha>`);
    lines.push(`    <ThuTu>${item.sortOrder}</ThuTu>`);
    lines.push(`    <HieuLuc>${item.active ? 'true' : 'false'}</HieuLuc>`);
    lines.push(`    <CapNhatLuc>${esc(item.updatedAt)}</CapNhatLuc>`);
    const extra = Object.entries(item.extra);
    if (extra.length > 0) {
      lines.push('    <ThongTinThem>');
      for (const [key, value] of extra) {
        const text = typeof value === 'string' ? esc(value) : esc(JSON.stringify(value));
        lines.push(
          `      <TruongDuLieu Ten="${esc(key)}"${typeof value === 'string' ? '' : ' Kieu="json"'}>${text}</TruongDuLieu>`,
        );
      }
      lines.push('    </ThongTinThem>');
    }
    lines.push('  </Muc>');
  }
  lines.push('</DanhMuc>');
  return `${lines.join('\n')}\n`;
}
