import { ANNEX_I_ROWS } from '../../src/domain/annex-i.ts';
import { STATUS_DISPLAY } from '../../src/domain/dossier-status-display.ts';
import type { StatusFact } from '../../src/domain/dossier-status-display.ts';
import { ACTOR_LABEL, EVENT_LABEL } from '../../src/domain/dossier-status-machine.ts';
import { STATUS_INFO } from '../../src/domain/dossier-status.ts';
import type { DossierStatus } from '../../src/domain/dossier-status.ts';

// Legal wording (status names, Annex I steps, what is shown) comes from the domain tables, so the
// screens can never drift from the statuses the system enforces.
const status = (s: DossierStatus) => STATUS_INFO[s].label;
const row = (id: string) => ANNEX_I_ROWS.find((r) => r.id === id)?.step ?? id;
const field = (s: DossierStatus, fact: StatusFact) =>
  STATUS_DISPLAY[s].fields.find((f) => f.fact === fact)?.label ?? fact;

/** Vietnamese text of the dossier status catalogue and transition chart (/mot-cua/trang-thai); merged into vi.ts. */
export const viStatuses = {
  'bo.section.statuses': 'Trạng thái hồ sơ',
  'st.title': 'Trạng thái xử lý hồ sơ',
  'st.intro':
    'Danh mục trạng thái xử lý thủ tục hành chính theo Phụ lục I Thông tư 22/2019/TT-BTTTT, mã của từng trạng thái trên Cổng Dịch vụ công quốc gia, thông tin hiển thị kèm theo và lưu đồ chuyển đổi giữa các trạng thái.',
  'st.fixed':
    'Danh mục và lưu đồ này do Phụ lục I quy định nên được cố định trong hệ thống. Mỗi thao tác trong quy trình xử lý của thủ tục đưa hồ sơ sang một trạng thái; hệ thống từ chối thao tác đưa hồ sơ sang trạng thái không có trong lưu đồ.',
  'st.api': 'Dữ liệu của trang này ở dạng JSON:',
  'st.catalogTitle': 'Danh mục trạng thái',
  'st.catalogCaption': 'Các trạng thái xử lý hồ sơ ({n} trạng thái)',
  'st.col.status': 'Trạng thái',
  'st.col.code': 'Mã trên Cổng DVC quốc gia',
  'st.col.steps': 'Bước theo Phụ lục I',
  'st.col.info': 'Thông tin hiển thị kèm',
  'st.col.next': 'Có thể chuyển sang',
  'st.entry': 'trạng thái đầu',
  'st.terminal': 'trạng thái kết thúc',
  'st.noInfo': 'Không có thông tin bắt buộc',
  'st.optional': '{label} (nếu có)',
  'st.noSteps': 'Không có trong Phụ lục I; mã trạng thái của Cổng Dịch vụ công quốc gia',
  'st.noNext': 'Không (trạng thái kết thúc)',
  'st.diagramTitle': 'Lưu đồ chuyển đổi trạng thái',
  'st.diagramDesc':
    'Lưu đồ gồm {statuses} trạng thái và {transitions} chuyển đổi. Hồ sơ bắt đầu khi được nộp trực tuyến (Mới đăng ký) hoặc khi Bộ phận một cửa nhận hồ sơ giấy; mọi trạng thái chưa kết thúc đều có thể chuyển sang “Công dân yêu cầu rút hồ sơ”. Bảng bên dưới liệt kê đầy đủ các chuyển đổi.',
  'st.diagramScroll': 'Lưu đồ chuyển đổi trạng thái, cuộn ngang để xem hết',
  'st.entryNode': 'Nộp hồ sơ',
  'st.codeShort': 'Mã {code}',
  'st.legend': 'Cách đọc lưu đồ',
  'st.legend.terminal': 'Hộp viền đôi: trạng thái kết thúc.',
  'st.legend.withdraw': 'Mũi tên nét đứt: công dân yêu cầu rút hồ sơ.',
  'st.legend.loop':
    'Vòng trên “Đang xử lý”: phân công, xử lý, lấy ý kiến, liên thông, gia hạn; trạng thái không đổi.',
  'st.transitionsTitle': 'Các chuyển đổi trạng thái',
  'st.transitionsCaption': 'Các chuyển đổi ({n}), nội dung của lưu đồ ở dạng bảng',
  'st.col.from': 'Từ trạng thái',
  'st.col.to': 'Sang trạng thái',
  'st.col.event': 'Sự kiện',
  'st.col.actor': 'Người thực hiện',
  'st.col.rows': 'Bước Phụ lục I',
  'st.fromEntry': 'Hồ sơ mới',
  'st.once': 'chỉ một lần trong quá trình giải quyết',
  'st.edge': '{from} → {to}: {event}',

  'st.status.moi_dang_ky': status('moi_dang_ky'),
  'st.status.duoc_tiep_nhan': status('duoc_tiep_nhan'),
  'st.status.khong_duoc_tiep_nhan': status('khong_duoc_tiep_nhan'),
  'st.status.dang_xu_ly': status('dang_xu_ly'),
  'st.status.yeu_cau_bo_sung': status('yeu_cau_bo_sung'),
  'st.status.da_bo_sung': status('da_bo_sung'),
  'st.status.yeu_cau_nghia_vu_tai_chinh': status('yeu_cau_nghia_vu_tai_chinh'),
  'st.status.cong_dan_yeu_cau_rut': status('cong_dan_yeu_cau_rut'),
  'st.status.dung_xu_ly': status('dung_xu_ly'),
  'st.status.da_xu_ly_xong': status('da_xu_ly_xong'),
  'st.status.da_tra_ket_qua': status('da_tra_ket_qua'),

  'st.event.submit_online': EVENT_LABEL.submit_online,
  'st.event.receive_paper': EVENT_LABEL.receive_paper,
  'st.event.accept': EVENT_LABEL.accept,
  'st.event.refuse': EVENT_LABEL.refuse,
  'st.event.request_supplement': EVENT_LABEL.request_supplement,
  'st.event.supplement': EVENT_LABEL.supplement,
  'st.event.transfer': EVENT_LABEL.transfer,
  'st.event.continue': EVENT_LABEL.continue,
  'st.event.resume': EVENT_LABEL.resume,
  'st.event.request_payment': EVENT_LABEL.request_payment,
  'st.event.pay': EVENT_LABEL.pay,
  'st.event.stop': EVENT_LABEL.stop,
  'st.event.finish': EVENT_LABEL.finish,
  'st.event.return_result': EVENT_LABEL.return_result,
  'st.event.withdraw': EVENT_LABEL.withdraw,

  'st.actor.applicant': ACTOR_LABEL.applicant,
  'st.actor.one_stop': ACTOR_LABEL.one_stop,
  'st.actor.competent_agency': ACTOR_LABEL.competent_agency,
  'st.actor.handler': ACTOR_LABEL.handler,

  'st.field.khong_duoc_tiep_nhan.reason': field('khong_duoc_tiep_nhan', 'reason'),
  'st.field.dang_xu_ly.agency': field('dang_xu_ly', 'agency'),
  'st.field.dang_xu_ly.position': field('dang_xu_ly', 'position'),
  'st.field.dang_xu_ly.department': field('dang_xu_ly', 'department'),
  'st.field.dang_xu_ly.handler': field('dang_xu_ly', 'handler'),
  'st.field.dang_xu_ly.dueAt': field('dang_xu_ly', 'dueAt'),
  'st.field.yeu_cau_bo_sung.reason': field('yeu_cau_bo_sung', 'reason'),
  'st.field.cong_dan_yeu_cau_rut.reason': field('cong_dan_yeu_cau_rut', 'reason'),
  'st.field.dung_xu_ly.reason': field('dung_xu_ly', 'reason'),
  'st.field.da_tra_ket_qua.returnedAt': field('da_tra_ket_qua', 'returnedAt'),
  'st.note.da_xu_ly_xong': STATUS_DISPLAY.da_xu_ly_xong.note ?? '',

  'st.row.I.submit.2': row('I.submit.2'),
  'st.row.I.receive.1.1': row('I.receive.1.1'),
  'st.row.I.receive.1.2': row('I.receive.1.2'),
  'st.row.I.receive.1.3': row('I.receive.1.3'),
  'st.row.I.receive.2.1': row('I.receive.2.1'),
  'st.row.I.receive.2.2': row('I.receive.2.2'),
  'st.row.I.receive.3': row('I.receive.3'),
  'st.row.I.process.1': row('I.process.1'),
  'st.row.I.process.2': row('I.process.2'),
  'st.row.I.process.3.1': row('I.process.3.1'),
  'st.row.I.process.3.2.1': row('I.process.3.2.1'),
  'st.row.I.process.3.2.2': row('I.process.3.2.2'),
  'st.row.I.process.3.3': row('I.process.3.3'),
  'st.row.I.process.3.4': row('I.process.3.4'),
  'st.row.I.process.3.5': row('I.process.3.5'),
  'st.row.I.process.4': row('I.process.4'),
  'st.row.I.process.5': row('I.process.5'),
  'st.row.I.return.1': row('I.return.1'),
  'st.row.I.return.2': row('I.return.2'),
};
