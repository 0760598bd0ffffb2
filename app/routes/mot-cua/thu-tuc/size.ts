/** A file size in words people read: "850 KB", "10 MB" (Vietnamese decimal comma). */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${String(Math.round((bytes / 1024 / 1024) * 10) / 10).replace('.', ',')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
