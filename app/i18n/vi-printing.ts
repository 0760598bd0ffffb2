/** Vietnamese text of the printing links (the PDF itself is always in Vietnamese); merged into vi.ts. */
export const viPrinting = {
  'print.formPdf': 'Tải tờ khai (PDF)',
  'print.formPdfHint': 'Tờ khai đã điền, để in hoặc lưu',
  'print.draftPdf': 'Tải tờ khai (PDF) để in',
  'print.draftPdfHint': 'Tờ khai với thông tin bạn đã khai, chưa nộp hồ sơ; có thể in, ký và lưu.',
};
