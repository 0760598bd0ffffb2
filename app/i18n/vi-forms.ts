/** Vietnamese text of the standard forms' links and the register form (the PDFs are always Vietnamese); merged into vi.ts. */
export const viForms = {
  'forms.title': 'Biểu mẫu (Thông tư 01/2018/TT-VPCP)',
  'forms.hint': 'In tại bước phát sinh, in lại bất cứ lúc nào. Tệp PDF khổ A4.',
  'forms.link': 'Mẫu {number}: {title} (PDF)',
  'forms.linkNth': 'Mẫu {number}: {name} lần {lan} – {at} (PDF)',
  'forms.nth.02': 'Phiếu yêu cầu bổ sung',
  'forms.nth.03': 'Phiếu từ chối tiếp nhận',
  'forms.mau.01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  'forms.mau.02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  'forms.mau.03': 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  'forms.mau.04': 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  'forms.mau.05': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  'forms.register.title': 'In Sổ theo dõi hồ sơ (Mẫu 06)',
  'forms.register.hint': 'Các hồ sơ cơ quan đã tiếp nhận trong khoảng thời gian đã chọn, tối đa một năm.',
  'forms.register.from': 'Từ ngày',
  'forms.register.to': 'Đến ngày',
  'forms.register.agency': 'Cơ quan',
  'forms.register.submit': 'Tải sổ theo dõi (PDF)',
  'forms.register.errFrom': 'Từ ngày phải là một ngày có thật, dạng DD/MM/YYYY',
  'forms.register.errTo':
    'Đến ngày phải là một ngày có thật, không trước Từ ngày và cách Từ ngày không quá một năm',
  'forms.register.ownAgency': 'Cơ quan của tôi',
};
