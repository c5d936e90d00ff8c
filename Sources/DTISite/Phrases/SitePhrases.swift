/// Words every page kind shares: the navigation, the 404 page, the lists of documents, data and search,
/// the names of common columns and what a missing value reads.
struct SitePhrases: Sendable {
    /// Navigation, in the order of the menu.
    var overview, pillars, rankings, documents, vneid, agencies, targets, data, search: String
    var notFoundTitle, notFoundDescription: String
    var documentsTitle, documentsDescription: String
    var dataTitle, dataDescription: String
    var searchTitle, searchDescription: String
    /// A value the source has not published: "chưa công bố" (never zero).
    var missing: String
    /// An average that cannot be known honestly: "chưa đủ số liệu".
    var insufficient: String
    /// Column names shared by several tables.
    var year, unit, rank, dtiIndex, average, averageBasis, source, code: String
    /// "Năm 2024".
    var yearNamed: @Sendable (Int) -> String
    /// Added to the title of a list in alphabetical order: " (theo tên)".
    var byNameSuffix: String
}

extension SitePhrases {
    static let vietnamese = SitePhrases(
        overview: "Tổng quan", pillars: "Trụ cột", rankings: "Xếp hạng", documents: "Văn bản", vneid: "VNeID theo xã",
        agencies: "Cơ quan", targets: "Mục tiêu", data: "Dữ liệu", search: "Tìm kiếm",
        notFoundTitle: "Không tìm thấy trang", notFoundDescription: "Trang bạn tìm không tồn tại hoặc đã được chuyển đi.",
        documentsTitle: "Văn bản, kế hoạch", documentsDescription: "Các kế hoạch, đề án về chuyển đổi số",
        dataTitle: "Dữ liệu mở", dataDescription: "Tải về các bảng số liệu của trang dưới dạng CSV và JSON",
        searchTitle: "Tìm kiếm", searchDescription: "Tìm trong các trang của cổng thông tin",
        missing: "chưa công bố", insufficient: "chưa đủ số liệu",
        year: "Năm", unit: "Đơn vị", rank: "Xếp hạng", dtiIndex: "Chỉ số DTI", average: "Trung bình",
        averageBasis: "Cơ sở của trung bình", source: "Nguồn", code: "Mã",
        yearNamed: { "Năm \($0)" }, byNameSuffix: " (theo tên)")
}
