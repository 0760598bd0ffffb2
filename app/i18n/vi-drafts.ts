/**
 * Vietnamese text of drafts (save and resume an online application, III.1.3) and of changing an
 * online dossier before receipt; merged into vi.ts.
 */
export const viDrafts = {
  'dr.save': 'Lưu nháp',
  'dr.saveHint': 'Chưa nhập xong? Bấm “Lưu nháp” để lưu những gì đã nhập và tiếp tục sau từ “Hồ sơ của tôi”.',
  'dr.saved': 'Đã lưu bản nháp lúc {at}',
  'dr.resumed': 'Bạn đang tiếp tục bản nháp lưu lúc {at}.',
  'dr.formChanged':
    'Tờ khai của thủ tục đã thay đổi từ khi bạn lưu bản nháp: những thông tin còn phù hợp đã được giữ lại, vui lòng kiểm tra và nhập bổ sung.',
  'dr.gone':
    'Không tìm thấy bản nháp này (đã nộp, đã xóa hoặc quá 90 ngày không lưu). Bạn có thể nhập tờ khai mới.',
  'dr.limit':
    'Bạn đã có 20 bản nháp, mức tối đa được lưu: hãy nộp hoặc xóa bớt bản nháp trong “Hồ sơ của tôi” rồi lưu lại.',
  'dr.stale':
    'Bản nháp vừa được lưu ở một cửa sổ hoặc thiết bị khác; hãy mở lại bản nháp mới nhất từ “Hồ sơ của tôi” rồi sửa tiếp.',
  'dr.form': 'Thông tin đã khai trong tờ khai',
  'dr.list': 'Bản nháp chưa nộp',
  'dr.listIntro': 'Bản nháp được giữ 90 ngày kể từ lần lưu cuối.',
  'dr.savedAt': 'Lưu lần cuối',
  'dr.continue': 'Tiếp tục',
  'dr.continueOf': 'Tiếp tục bản nháp: {name}',
  'dr.delete': 'Xóa',
  'dr.deleteOf': 'Xóa bản nháp: {name}',
  'dr.confirm': 'Xóa bản nháp “{name}”? Thông tin đã nhập sẽ mất và không khôi phục được.',
  'dr.confirmYes': 'Xóa bản nháp',
  'dr.confirmNo': 'Không xóa',
  'dr.deleted': 'Đã xóa bản nháp.',
  'dr.amendTitle': 'Sửa hồ sơ {code}',
  'dr.amendIntro':
    'Hồ sơ chưa được tiếp nhận nên bạn còn sửa được. Sau khi cập nhật, cán bộ tiếp nhận sẽ thấy thông tin mới.',
  'dr.amendAgency':
    'Cơ quan tiếp nhận không đổi được khi sửa hồ sơ; nếu cần nộp cho cơ quan khác, hãy hủy hồ sơ này và nộp hồ sơ mới.',
  'dr.amendSubmit': 'Cập nhật hồ sơ',
  'dr.amendClosed': 'Hồ sơ {code} đã được tiếp nhận hoặc đã bị hủy nên không sửa được nữa.',
  'dr.amendBack': 'Xem hồ sơ {code}',
  'dr.amendStale':
    'Hồ sơ vừa được thay đổi ở một cửa sổ hoặc thiết bị khác; hãy mở lại hồ sơ từ “Hồ sơ của tôi” rồi sửa lại.',
  'dr.amend': 'Sửa hồ sơ',
  'dr.amendHint':
    'Sửa tờ khai, cách nhận kết quả hoặc tệp đính kèm trước khi Bộ phận một cửa tiếp nhận hồ sơ.',
  'dr.done.amend': 'Đã cập nhật hồ sơ. Cán bộ tiếp nhận sẽ xem thông tin mới.',
  'ds.action.amend': 'Người nộp sửa hồ sơ trước khi tiếp nhận',
} as const;
