/** Vietnamese administrative vocabulary the synthetic province is written from: units, leaders, topics, phrases. */

/** Units of a province: departments, provincial bodies, then districts; [id, name, short name]. */
export const UNITS: readonly (readonly [string, string, string])[] = [
  ['snv', 'Sở Nội vụ', 'SNV'],
  ['stc', 'Sở Tài chính', 'STC'],
  ['skhdt', 'Sở Kế hoạch và Đầu tư', 'SKHĐT'],
  ['stp', 'Sở Tư pháp', 'STP'],
  ['ubnd-binh-son', 'UBND huyện Bình Sơn', 'UBND H. Bình Sơn'],
  ['stttt', 'Sở Thông tin và Truyền thông', 'STTTT'],
  ['sct', 'Sở Công Thương', 'SCT'],
  ['sgddt', 'Sở Giáo dục và Đào tạo', 'SGDĐT'],
  ['syt', 'Sở Y tế', 'SYT'],
  ['sldtbxh', 'Sở Lao động - Thương binh và Xã hội', 'SLĐTBXH'],
  ['svhttdl', 'Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'],
  ['stnmt', 'Sở Tài nguyên và Môi trường', 'STNMT'],
  ['sxd', 'Sở Xây dựng', 'SXD'],
  ['sgtvt', 'Sở Giao thông vận tải', 'SGTVT'],
  ['snnptnt', 'Sở Nông nghiệp và Phát triển nông thôn', 'SNNPTNT'],
  ['skhcn', 'Sở Khoa học và Công nghệ', 'SKHCN'],
  ['sngv', 'Sở Ngoại vụ', 'SNgV'],
  ['ttt', 'Thanh tra tỉnh', 'TTT'],
  ['vp-ubnd', 'Văn phòng UBND tỉnh', 'VP UBND'],
  ['bdt', 'Ban Dân tộc tỉnh', 'BDT'],
  ['bqlkkt', 'Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi', 'BQL KKT'],
  ['ca-tinh', 'Công an tỉnh', 'CA tỉnh'],
  ['bchqs', 'Bộ Chỉ huy Quân sự tỉnh', 'BCHQS'],
  ['bdbp', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'BĐBP'],
  ['dai-ptth', 'Đài Phát thanh - Truyền hình tỉnh', 'Đài PT-TH'],
  ['bao-qn', 'Báo Quảng Ngãi', 'Báo QN'],
  ['cuc-thue', 'Cục Thuế tỉnh', 'Cục Thuế'],
  ['kbnn', 'Kho bạc Nhà nước tỉnh', 'KBNN'],
  ['bhxh', 'Bảo hiểm xã hội tỉnh', 'BHXH'],
  ['nhnn', 'Ngân hàng Nhà nước chi nhánh tỉnh', 'NHNN'],
  ['cuc-thong-ke', 'Cục Thống kê tỉnh', 'Cục TK'],
  ['tt-pvhcc', 'Trung tâm Phục vụ hành chính công tỉnh', 'TT PVHCC'],
  ['bqlda-dd', 'Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh', 'BQLDA DD&CN'],
  ['bqlda-gt', 'Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh', 'BQLDA GT'],
  [
    'bqlda-nn',
    'Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh',
    'BQLDA NN&PTNT',
  ],
  ['quy-dtpt', 'Quỹ Đầu tư phát triển tỉnh', 'Quỹ ĐTPT'],
  ['tt-xtdt', 'Trung tâm Xúc tiến Đầu tư tỉnh', 'TT XTĐT'],
  ['dh-pvd', 'Trường Đại học Phạm Văn Đồng', 'ĐH PVĐ'],
  ['bvdk', 'Bệnh viện Đa khoa tỉnh', 'BVĐK'],
  ['cdc', 'Trung tâm Kiểm soát bệnh tật tỉnh', 'CDC'],
  ['ban-tdkt', 'Ban Thi đua - Khen thưởng tỉnh', 'Ban TĐKT'],
  ['ban-tg', 'Ban Tôn giáo tỉnh', 'Ban TG'],
  ['mttq', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'UBMTTQVN'],
  ['tinh-doan', 'Tỉnh đoàn', 'Tỉnh đoàn'],
  ['hlhpn', 'Hội Liên hiệp Phụ nữ tỉnh', 'Hội LHPN'],
  ['hnd', 'Hội Nông dân tỉnh', 'Hội ND'],
  ['ldld', 'Liên đoàn Lao động tỉnh', 'LĐLĐ'],
  ['vp-dbqh', 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh', 'VP ĐĐBQH&HĐND'],
  ['ubnd-tp-qn', 'UBND thành phố Quảng Ngãi', 'UBND TP QN'],
  ['ubnd-tx-duc-pho', 'UBND thị xã Đức Phổ', 'UBND TX Đức Phổ'],
  ['ubnd-son-tinh', 'UBND huyện Sơn Tịnh', 'UBND H. Sơn Tịnh'],
  ['ubnd-tu-nghia', 'UBND huyện Tư Nghĩa', 'UBND H. Tư Nghĩa'],
  ['ubnd-nghia-hanh', 'UBND huyện Nghĩa Hành', 'UBND H. Nghĩa Hành'],
  ['ubnd-mo-duc', 'UBND huyện Mộ Đức', 'UBND H. Mộ Đức'],
  ['ubnd-ba-to', 'UBND huyện Ba Tơ', 'UBND H. Ba Tơ'],
  ['ubnd-minh-long', 'UBND huyện Minh Long', 'UBND H. Minh Long'],
  ['ubnd-son-ha', 'UBND huyện Sơn Hà', 'UBND H. Sơn Hà'],
  ['ubnd-son-tay', 'UBND huyện Sơn Tây', 'UBND H. Sơn Tây'],
  ['ubnd-tra-bong', 'UBND huyện Trà Bồng', 'UBND H. Trà Bồng'],
  ['ubnd-ly-son', 'UBND huyện Lý Sơn', 'UBND H. Lý Sơn'],
];

/** Directing leaders of a province; [id, title]. */
export const LEADERS: readonly (readonly [string, string])[] = [
  ['chu-tich', 'Chủ tịch UBND tỉnh'],
  ['pct-thuong-truc', 'Phó Chủ tịch Thường trực UBND tỉnh'],
  ['pct-kinh-te', 'Phó Chủ tịch UBND tỉnh phụ trách khối kinh tế'],
  ['pct-van-xa', 'Phó Chủ tịch UBND tỉnh phụ trách khối văn xã'],
  ['pct-noi-chinh', 'Phó Chủ tịch UBND tỉnh phụ trách khối nội chính'],
  ['chanh-vp', 'Chánh Văn phòng UBND tỉnh'],
  ['pho-chanh-vp', 'Các Phó Chánh Văn phòng UBND tỉnh'],
  ['gd-snv', 'Giám đốc Sở Nội vụ'],
  ['gd-stc', 'Giám đốc Sở Tài chính'],
  ['gd-skhdt', 'Giám đốc Sở Kế hoạch và Đầu tư'],
  ['gd-stttt', 'Giám đốc Sở Thông tin và Truyền thông'],
  ['gd-stp', 'Giám đốc Sở Tư pháp'],
  ['gd-stnmt', 'Giám đốc Sở Tài nguyên và Môi trường'],
  ['gd-syt', 'Giám đốc Sở Y tế'],
  ['gd-sgddt', 'Giám đốc Sở Giáo dục và Đào tạo'],
  ['chanh-thanh-tra', 'Chánh Thanh tra tỉnh'],
  ['truong-bql-kkt', 'Trưởng ban Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi'],
  ['gd-cong-an', 'Giám đốc Công an tỉnh'],
  ['ct-ubnd-huyen', 'Chủ tịch UBND các huyện, thị xã, thành phố'],
  ['lanh-dao-so', 'Lãnh đạo các sở, ban, ngành'],
];

/** Fields of work a plan is about; [slug for the plan id, wording]. */
export const TOPICS: readonly (readonly [string, string])[] = [
  ['cchc', 'cải cách hành chính'],
  ['cds', 'chuyển đổi số'],
  ['ksthc', 'kiểm soát thủ tục hành chính'],
  ['pctn', 'phòng, chống tham nhũng, tiêu cực'],
  ['thtk', 'thực hành tiết kiệm, chống lãng phí'],
  ['tcd', 'tiếp công dân, giải quyết khiếu nại, tố cáo'],
  ['dtc', 'giải ngân vốn đầu tư công'],
  ['ntm', 'xây dựng nông thôn mới'],
  ['giam-ngheo', 'giảm nghèo bền vững'],
  ['atgt', 'bảo đảm trật tự, an toàn giao thông'],
  ['bvmt', 'bảo vệ môi trường'],
  ['dat-dai', 'quản lý đất đai'],
  ['attt', 'bảo đảm an toàn thông tin mạng'],
  ['de-an-06', 'triển khai Đề án 06 về dữ liệu dân cư, định danh và xác thực điện tử'],
  ['pci', 'nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI)'],
  ['sipas', 'nâng cao chỉ số hài lòng của người dân, tổ chức (SIPAS)'],
  ['par-index', 'cải thiện chỉ số cải cách hành chính (PAR INDEX)'],
  ['ktxh', 'phát triển kinh tế - xã hội'],
  ['pbgdpl', 'phổ biến, giáo dục pháp luật'],
  ['tdkt', 'thi đua, khen thưởng'],
  ['pctt', 'phòng, chống thiên tai và tìm kiếm cứu nạn'],
  ['du-lich', 'phát triển du lịch'],
  ['y-te', 'chăm sóc sức khỏe nhân dân'],
  ['giao-duc', 'đổi mới căn bản, toàn diện giáo dục và đào tạo'],
  ['dau-tu', 'cải thiện môi trường đầu tư kinh doanh'],
];

/** How a task title or sentence starts. */
export const ACTIONS = [
  'Tham mưu ban hành',
  'Triển khai thực hiện',
  'Tổ chức thực hiện',
  'Kiểm tra, đôn đốc việc thực hiện',
  'Rà soát, đánh giá',
  'Xây dựng',
  'Hoàn thiện',
  'Đẩy mạnh',
  'Theo dõi, tổng hợp',
  'Tăng cường',
  'Hướng dẫn',
  'Tuyên truyền, phổ biến',
  'Sơ kết, đánh giá',
  'Cập nhật, công khai',
  'Nâng cao chất lượng',
  'Tham mưu',
  'Chủ trì, phối hợp triển khai',
] as const;

/** What a task acts on. */
export const OBJECTS = [
  'kế hoạch',
  'quy chế phối hợp',
  'chương trình hành động',
  'báo cáo định kỳ',
  'cơ sở dữ liệu',
  'quy trình nội bộ',
  'hệ thống thông tin',
  'văn bản hướng dẫn',
  'bộ chỉ tiêu',
  'đề án',
  'các giải pháp',
  'công tác',
  'danh mục nhiệm vụ',
  'quy định phân cấp',
  'mô hình điểm',
] as const;

/** Where or when, appended to some titles and sentences. */
export const QUALIFIERS = [
  'trên địa bàn tỉnh',
  'giai đoạn 2021 - 2025',
  'tại các cơ quan, đơn vị',
  'ở cấp huyện, cấp xã',
  'theo chỉ đạo của UBND tỉnh',
  'theo quy định của Chính phủ',
  'trong các cơ quan hành chính nhà nước',
] as const;

/** Titles of the plan sections under II (Nhiệm vụ, giải pháp). */
export const SECTION_TITLES = [
  'Hoàn thiện thể chế, chính sách',
  'Cải cách thủ tục hành chính',
  'Cải cách tổ chức bộ máy hành chính nhà nước',
  'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
  'Nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức',
  'Cải cách tài chính công',
  'Công tác thông tin, tuyên truyền',
  'Công tác kiểm tra, giám sát',
  'Ứng dụng công nghệ thông tin trong quản lý, điều hành',
  'Huy động và sử dụng hiệu quả các nguồn lực',
  'Phối hợp giữa các cấp, các ngành',
  'Chế độ thông tin, báo cáo',
] as const;

/** Sentences that end a content paragraph. */
export const CLOSINGS = [
  'bảo đảm đúng quy định và tiến độ đề ra.',
  'định kỳ hằng tháng báo cáo kết quả thực hiện trước ngày 20 để tổng hợp, báo cáo UBND tỉnh.',
  'kịp thời đề xuất cấp có thẩm quyền tháo gỡ khó khăn, vướng mắc phát sinh trong quá trình thực hiện.',
  'gắn trách nhiệm của người đứng đầu với kết quả thực hiện nhiệm vụ được giao.',
  'công khai kết quả trên Cổng thông tin điện tử của tỉnh.',
] as const;

/** Notes of reports on tasks in progress; {unit}, {topic}, {object}, {n}, {k}, {date}, {code}, {p} are filled in. */
export const PROGRESS_NOTES = [
  'Đã ban hành Văn bản số {n}/{code} ngày {date} triển khai thực hiện; đang kiểm tra tại {k} đơn vị.',
  'Đang phối hợp với {unit} rà soát, hoàn thiện dự thảo {object} về {topic}.',
  'Tổ chức {k} hội nghị tập huấn về {topic} cho {n} cán bộ, công chức, viên chức.',
  'Đã hoàn thành {p}% khối lượng công việc; tiếp tục theo dõi, đôn đốc các đơn vị thực hiện.',
  'Tổng hợp khó khăn, vướng mắc của các địa phương về {topic}, báo cáo UBND tỉnh xem xét.',
  'Đang lấy ý kiến góp ý của {unit} và các cơ quan liên quan đối với dự thảo {object}.',
] as const;

/** Notes of reports on tasks not started yet. */
export const WAITING_NOTES = [
  'Chưa triển khai, đang chờ hướng dẫn của bộ, ngành Trung ương.',
  'Đang xây dựng kế hoạch triển khai, dự kiến thực hiện trong quý tới.',
  'Chưa thực hiện do chưa được bố trí kinh phí.',
  'Chưa triển khai; đã đề nghị {unit} cung cấp số liệu.',
] as const;

/** Notes of reports on finished tasks. */
export const DONE_NOTES = [
  'Đã hoàn thành. UBND tỉnh đã ban hành Quyết định số {n}/QĐ-UBND ngày {date}.',
  'Hoàn thành, đã báo cáo kết quả tại Văn bản số {n}/{code} ngày {date}.',
  'Đã hoàn thành nhiệm vụ; tiếp tục duy trì, theo dõi việc thực hiện.',
] as const;

/** Roman numerals for quarters and section numbers. */
export const ROMAN = ['I', 'II', 'III', 'IV'] as const;
