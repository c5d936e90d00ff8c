/// The texts `dtisite new` writes for one unit: site.toml, the overview's text, and one example plan
/// with two tasks, two targets and the agencies they name — every example marked "(ví dụ)", so a
/// publisher sees what to replace.
struct ExampleContent {
    let unit: NewSite.Province
    let asOf: LocalDate

    /// "tỉnh Sơn La", "thành phố Hà Nội".
    var named: String { unit.kind + " " + unit.name }
    var year: Int { asOf.year }

    var texts: [(String, String)] {
        [
            ("site.toml", siteTOML), ("_index.md", home), ("van-ban/ke-hoach-mau.md", plan), ("data/tasks.csv", tasks),
            ("data/targets.csv", targets), ("data/agencies.csv", agencies)
        ]
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    var siteTOML: String {
        """
        # Cấu hình trang chuyên đề chuyển đổi số \(named), do `dtisite new` tạo (xem README của dtisite, mục "Content reference").
        title = \(Self.quoted("Chuyển đổi số " + named))
        description = \(Self.quoted("Kết quả Chỉ số chuyển đổi số (DTI) của \(named), các trụ cột, kế hoạch và tiến độ thực hiện."))
        # Địa chỉ thật của trang, kèm thư mục con nếu có: sửa trước khi xuất bản.
        base_url = "https://example.gov.vn/"
        language = "vi"
        # Ngày mà số liệu được xét theo (quá hạn, mới nhất…): dtisite không đọc đồng hồ, hãy sửa khi cập nhật số liệu.
        as_of = \(asOf)
        unit = \(Self.quoted(unit.name))
        peer_group = \(Self.quoted(unit.region))
        # publisher = \(Self.quoted("Sở Khoa học và Công nghệ " + named))
        source_note = "Nguồn: Bộ Thông tin và Truyền thông (dti.gov.vn) và các văn bản của \(unit.kind)"
        unsafe_html = false

        """
    }

    var home: String {
        """
        ---
        title: Trang chủ
        summary: Trang chuyên đề về chuyển đổi số của \(named).
        ---
        Trang này công khai kết quả đánh giá **Chỉ số chuyển đổi số (DTI)** của \(named) qua từng năm, so sánh với cả nước và với các tỉnh, thành phố vùng \(unit.region), cùng các kế hoạch, nhiệm vụ và chỉ tiêu của \(unit.kind). Mọi bảng số liệu trên trang đều có thể [tải về](/du-lieu/) dưới dạng CSV và JSON.

        Đoạn này nằm trong `Content/_index.md`: hãy viết lại bằng lời của \(unit.kind).

        """
    }

    var plan: String {
        """
        ---
        title: Kế hoạch chuyển đổi số năm \(year) (ví dụ)
        summary: Văn bản ví dụ do dtisite new tạo, với hai nhiệm vụ và hai chỉ tiêu mẫu. Thay bằng kế hoạch thật của \(unit.kind).
        number: (ví dụ)
        issued: \(asOf)
        issuer: Ủy ban nhân dân \(named)
        unit: \(unit.name)
        ---
        ## Văn bản ví dụ

        Tệp này (`Content/van-ban/ke-hoach-mau.md`) cho thấy cách đưa một kế hoạch lên trang: phần đầu giữa hai dòng `---` ghi tên, số hiệu, ngày ban hành; phần sau là nội dung viết bằng Markdown. Các nhiệm vụ của kế hoạch nằm trong `Content/data/tasks.csv`, các chỉ tiêu trong `Content/data/targets.csv` (cột `document` là `ke-hoach-mau`, tên của tệp này), các cơ quan trong `Content/data/agencies.csv`; mở chúng bằng Excel.

        Khi có kế hoạch thật, sửa tệp này hoặc xoá nó cùng các dòng `VD` của hai bảng trên.

        <dti-chart kind="rank"></dti-chart>

        """
    }

    var tasks: String {
        """
        code,pillar,indicators,task,lead,partners,product,deadline,status,document
        VD.1,the-che-so,,(Ví dụ) Ban hành kế hoạch chuyển đổi số năm \(year) của \(unit.kind).,Sở Khoa học và Công nghệ,Văn phòng Ủy ban nhân dân \(unit.kind),Kế hoạch của UBND \(unit.kind),Quý IV/\(year),đang thực hiện,ke-hoach-mau
        VD.2,nhan-luc-so,,"(Ví dụ) Tập huấn kỹ năng số cho cán bộ, công chức cấp xã.",Sở Nội vụ,Sở Khoa học và Công nghệ,Các lớp tập huấn,Hằng năm,,ke-hoach-mau

        """
    }

    var targets: String {
        """
        code,text,comparator,value,unit,year,baseline,baseline_year,actual,actual_year,pillar,agency,document
        VD-01,"(Ví dụ) Chỉ số DTI của \(named) đạt từ 0,75 trở lên vào năm \(year + 1)",>=,"0,75",chỉ số DTI,\(year + 1),,,,,,Sở Khoa học và Công nghệ,ke-hoach-mau
        VD-02,(Ví dụ) 100% hồ sơ công việc cấp \(unit.kind) được xử lý trên môi trường mạng,=,100,% hồ sơ công việc,\(year + 1),,,,,chinh-quyen-so,,ke-hoach-mau

        """
    }

    var agencies: String {
        """
        name,short_name,aliases
        Sở Khoa học và Công nghệ,Sở KH&CN,Sở KHCN
        Sở Nội vụ,,
        Văn phòng Ủy ban nhân dân \(unit.kind),VP UBND \(unit.kind),Văn phòng UBND \(unit.kind)

        """
    }
}
