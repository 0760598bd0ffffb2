/**
 * Demo content of the portal's guides (III.7.1), frequently asked questions (III.7.2) and life events
 * (home-page entry points). Procedure codes are real national codes present in thu-tuc-dvcqg.json.gz.
 * Text is plain: paragraphs separated by a blank line, lines starting with "- " form a list.
 */
export interface DemoGuide {
  slug: string;
  kind: 'guide' | 'faq' | 'life_event';
  title: string;
  summary: string;
  body: string;
  procedureCodes: string[];
  sortOrder: number;
}

export const DEMO_GUIDES: DemoGuide[] = [
  {
    slug: 'khi-co-con-nho',
    kind: 'life_event',
    title: 'Khi có con nhỏ',
    summary: 'Đăng ký khai sinh, nhận cha, mẹ, con và cấp bản sao giấy khai sinh cho trẻ.',
    body: 'Cha, mẹ có trách nhiệm đăng ký khai sinh cho con trong thời hạn 60 ngày kể từ ngày sinh.\n\n- Đăng ký khai sinh tại Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ.\n- Nếu cha, mẹ chưa đăng ký kết hôn, có thể đăng ký khai sinh kết hợp nhận cha, mẹ, con.\n- Cần thêm bản sao giấy khai sinh thì đề nghị cấp bản sao trích lục hộ tịch.',
    procedureCodes: ['1.001193', '1.000689', '1.001022', '2.000635'],
    sortOrder: 1,
  },
  {
    slug: 'ket-hon',
    kind: 'life_event',
    title: 'Kết hôn',
    summary: 'Đăng ký kết hôn, đăng ký lại kết hôn.',
    body: 'Hai bên nam, nữ nộp hồ sơ đăng ký kết hôn tại Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên.',
    procedureCodes: ['1.000894', '1.004746'],
    sortOrder: 2,
  },
  {
    slug: 'noi-o-cu-tru',
    kind: 'life_event',
    title: 'Chuyển nơi ở, cư trú',
    summary: 'Đăng ký thường trú, xóa đăng ký thường trú, gia hạn tạm trú.',
    body: 'Khi chuyển đến chỗ ở hợp pháp mới, công dân thực hiện đăng ký thường trú hoặc đăng ký tạm trú tại Công an cấp xã.',
    procedureCodes: ['1.004222', '1.003197', '1.002755'],
    sortOrder: 3,
  },
  {
    slug: 'xay-nha',
    kind: 'life_event',
    title: 'Xây nhà, sử dụng đất',
    summary: 'Giấy phép xây dựng nhà ở riêng lẻ, đăng ký đất đai.',
    body: 'Trước khi khởi công xây dựng nhà ở riêng lẻ, chủ đầu tư đề nghị cấp giấy phép xây dựng, trừ các trường hợp được miễn theo Luật Xây dựng.',
    procedureCodes: ['1.013225', '1.013226', '1.012753'],
    sortOrder: 4,
  },
  {
    slug: 'mo-cua-hang',
    kind: 'life_event',
    title: 'Mở cửa hàng, kinh doanh',
    summary: 'Đăng ký thành lập hộ kinh doanh, tạm ngừng và chấm dứt hoạt động.',
    body: 'Cá nhân, thành viên hộ gia đình kinh doanh nộp hồ sơ đăng ký hộ kinh doanh tại cơ quan đăng ký kinh doanh cấp xã.',
    procedureCodes: ['1.001612', '1.001570', '1.001266'],
    sortOrder: 5,
  },
  {
    slug: 'khi-nguoi-than-qua-doi',
    kind: 'life_event',
    title: 'Khi người thân qua đời',
    summary: 'Đăng ký khai tử.',
    body: 'Người thân có trách nhiệm đăng ký khai tử trong thời hạn 15 ngày kể từ ngày người thân chết.',
    procedureCodes: ['1.000656'],
    sortOrder: 6,
  },
  {
    slug: 'tim-thu-tuc',
    kind: 'guide',
    title: 'Tìm thủ tục hành chính cần làm',
    summary: 'Tìm theo từ khóa (có dấu hay không dấu), theo lĩnh vực, theo cơ quan hoặc theo sự kiện.',
    body: 'Gõ vài từ về việc bạn cần làm vào ô tìm kiếm, ví dụ "khai sinh" hoặc "dang ky ket hon". Không cần gõ dấu, không cần gõ đủ tên thủ tục.\n\n- Lọc kết quả theo lĩnh vực, cơ quan thực hiện, mức độ trực tuyến và đối tượng.\n- Hoặc chọn một lĩnh vực trong danh sách lĩnh vực, rồi chọn thủ tục.\n- Trang thủ tục cho biết có nộp trực tuyến được không, cần chuẩn bị giấy tờ gì, lệ phí bao nhiêu và thời hạn giải quyết.',
    procedureCodes: [],
    sortOrder: 1,
  },
  {
    slug: 'chuan-bi-ho-so',
    kind: 'guide',
    title: 'Chuẩn bị hồ sơ',
    summary: 'Đọc thành phần hồ sơ, tải mẫu đơn, tờ khai và chuẩn bị bản chính, bản sao.',
    body: 'Mỗi thủ tục nêu rõ thành phần hồ sơ: tên giấy tờ, số bản chính, số bản sao và mẫu đơn, tờ khai (nếu có).\n\n- Tải mẫu đơn, tờ khai ở mục "Thành phần hồ sơ" của trang thủ tục.\n- Giấy tờ chỉ cần trong một số trường hợp được ghi rõ trường hợp áp dụng.',
    procedureCodes: ['1.001193'],
    sortOrder: 2,
  },
  {
    slug: 'co-can-tai-khoan-khong',
    kind: 'faq',
    title: 'Tôi có cần tài khoản để xem thông tin thủ tục không?',
    summary: '',
    body: 'Không. Mọi người đều xem được thông tin thủ tục, thành phần hồ sơ, lệ phí, thời hạn và tải mẫu đơn mà không cần đăng nhập. Chỉ khi nộp hồ sơ trực tuyến mới cần tài khoản.',
    procedureCodes: [],
    sortOrder: 1,
  },
  {
    slug: 'tim-khong-dau',
    kind: 'faq',
    title: 'Gõ tiếng Việt không dấu có tìm được thủ tục không?',
    summary: '',
    body: 'Có. Ô tìm kiếm bỏ qua dấu tiếng Việt, chấp nhận từ gõ chưa hết và một vài lỗi gõ nhỏ: "dang ky khai sinh", "khai sinh" và "Đăng ký khai sinh" cho cùng kết quả.',
    procedureCodes: [],
    sortOrder: 2,
  },
  {
    slug: 'khai-sinh-o-dau',
    kind: 'faq',
    title: 'Đăng ký khai sinh cho con ở đâu?',
    summary: '',
    body: 'Tại Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ; có thể nộp trực tiếp, qua bưu chính hoặc trực tuyến. Xem trang thủ tục để biết giấy tờ cần chuẩn bị.',
    procedureCodes: ['1.001193'],
    sortOrder: 3,
  },
  {
    slug: 'thoi-han-tinh-the-nao',
    kind: 'faq',
    title: 'Thời hạn giải quyết được tính thế nào?',
    summary: '',
    body: 'Thời hạn ghi "ngày làm việc" không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết; thời hạn ghi "ngày" tính theo ngày lịch. Thời hạn bắt đầu từ khi hồ sơ được tiếp nhận đầy đủ, hợp lệ.',
    procedureCodes: [],
    sortOrder: 4,
  },
];
