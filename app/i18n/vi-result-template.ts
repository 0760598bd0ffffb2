/** Vietnamese text of the result template editor and the draft result (rt.*); merged into vi.ts. */
export const viResultTemplate = {
  'rt.link': 'Mẫu kết quả',
  'rt.title': 'Mẫu kết quả: {name}',
  'rt.back': 'Quay lại thủ tục {code}',
  'rt.starterInUse': 'Chưa có mẫu kết quả được lưu; dưới đây là mẫu gợi ý để chỉnh sửa.',
  'rt.versionInUse': 'Đang dùng phiên bản {n}, lưu lúc {at}.',
  'rt.readOnly': 'Bạn chỉ được xem mẫu; chỉ biên tập viên cấp tỉnh (bộ) được sửa.',
  'rt.f.title': 'Tiêu đề kết quả',
  'rt.f.titleHint': 'Ví dụ: Giấy phép kinh doanh; có thể dùng trường như {{form.tenCoSo}}.',
  'rt.f.body': 'Nội dung',
  'rt.f.bodyHint':
    'Dòng trống ngăn cách các đoạn. Dòng bắt đầu bằng "- " dạng "Nhãn: giá trị" được in thành dòng nhãn, giá trị. Trường dữ liệu viết trong cặp ngoặc {{ }}.',
  'rt.f.signerTitle': 'Chức danh người ký',
  'rt.f.signerName': 'Họ tên người ký',
  'rt.f.signerNameHint': 'Để trống nếu người ký tự ghi khi ký.',
  'rt.f.dossierCode': 'Mã hồ sơ để xem trước',
  'rt.f.dossierCodeHint':
    'Để trống: xem trước với dữ liệu mẫu. Nhập mã hồ sơ của thủ tục này để xem với dữ liệu thật.',
  'rt.placeholders': 'Các trường dữ liệu được dùng',
  'rt.placeholdersHint': 'Chép trường vào nội dung, hoặc bấm "Chèn" để chèn vào vị trí con trỏ.',
  'rt.col.placeholder': 'Trường',
  'rt.col.meaning': 'Ý nghĩa',
  'rt.insert': 'Chèn',
  'rt.insertLabel': 'Chèn {name} vào nội dung',
  'rt.save': 'Lưu phiên bản mới',
  'rt.preview': 'Xem trước (PDF)',
  'rt.previewReady': 'Mẫu hợp lệ. Bản xem trước đã sẵn sàng.',
  'rt.previewDownload': 'Tải bản xem trước (PDF)',
  'rt.notice.saved': 'Đã lưu phiên bản mới của mẫu kết quả.',
  'rt.err.invalid': 'Mẫu kết quả còn lỗi; xem các trường được đánh dấu.',
  'rt.err.stale':
    'Mẫu kết quả vừa được người khác sửa. Nội dung bạn nhập vẫn được giữ; hãy tải lại trang để xem bản mới rồi sửa lại.',
  'rt.reload': 'Tải lại trang để xem phiên bản mới nhất',
  'rt.draft': 'Tạo dự thảo kết quả (PDF)',
  'rt.draftHint':
    'Kết quả soạn từ mẫu kết quả của thủ tục, với dữ liệu của hồ sơ; để rà soát, in và trình ký.',
  'rt.useDraft': 'Dùng dự thảo kết quả từ mẫu',
  'rt.useDraftHint':
    'Hệ thống tạo kết quả từ mẫu kết quả của thủ tục với dữ liệu của hồ sơ và lưu thành tệp kết quả của hồ sơ (cùng các tệp tải lên, nếu có).',
};
