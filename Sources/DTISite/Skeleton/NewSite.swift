import Foundation

/// `dtisite new`: a working site for one province of the DTI data dtisite ships — site.toml filled in,
/// the national data, the pillar pages, one example plan, the default theme. Everything comes from the
/// binary (`SkeletonData`), so it works without the source tree; nothing reads the clock.
enum NewSite {
    /// The date of the newest fact the shipped data states (the 34 provincial units exist from
    /// 1 July 2025; the 2024 ranking of the 34 is the newest table): the default `as_of`.
    static let dataAsOf = LocalDate(year: 2025, month: 7, day: 1)

    /// Units governed as cities (thành phố trực thuộc trung ương), named so in titles.
    static let cities: Set<String> = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]

    struct Province: Sendable {
        var slug: String
        var name: String
        var region: String
        /// Still exists (no end of validity): preferred when two units share a name.
        var current: Bool

        var kind: String { NewSite.cities.contains(name) ? "thành phố" : "tỉnh" }
    }

    static func decode(_ base64: String) -> [UInt8] {
        Array(Data(base64Encoded: base64) ?? Data())
    }

    static func embedded(_ path: String) -> [UInt8] {
        SkeletonData.content.first { $0.path == path }.map { decode($0.base64) } ?? []
    }

    /// The provincial units of the shipped units.csv: the 63 before 2025 and the 34 after.
    static let provinces: [Province] = {
        guard let table = try? RawTable.parse(text: String(decoding: embedded("data/units.csv"), as: UTF8.self), file: "units.csv"),
            let slug = table.column("slug"), let name = table.column("name"), let region = table.column("region"),
            let until = table.column("valid_until")
        else { return [] }
        return table.rows.map { row in
            Province(slug: row.fields[slug], name: row.fields[name], region: row.fields[region], current: row.fields[until].isEmpty)
        }
    }()

    /// The unit a user named: its name (the current unit when an old and a new one share it), its slug,
    /// or its name without diacritics; otherwise the closest names in the message.
    static func resolve(_ input: String) -> Result<Province, SiteSkeleton.Failure> {
        let text = input.trimmingCharacters(in: .whitespaces)
        let byName = provinces.filter { $0.name == text }
        if let unit = byName.first(where: \.current) ?? byName.first { return .success(unit) }
        if let unit = provinces.first(where: { $0.slug == text }) { return .success(unit) }
        let key = Slug.matchKey(text)
        let folded = provinces.filter { Slug.matchKey($0.name) == key }
        if Set(folded.map(\.name)).count == 1, let unit = folded.first(where: \.current) ?? folded.first { return .success(unit) }
        let names = Array(Set(provinces.map(\.name)))
        let closest = names.map { ($0, Suggest.distance(key, Slug.matchKey($0))) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3)
        return .failure(
            SiteSkeleton.Failure(
                "không có đơn vị \"\(text)\" trong số liệu DTI đi kèm dtisite (63 tỉnh, thành phố trước 1/7/2025 và 34 đơn vị sau sáp nhập); gần nhất: "
                    + closest.map { "\"\($0.0)\"" }.joined(separator: ", ")))
    }

    /// The files of the new site, relative to its folder: Content/ composed for the unit, Theme/ embedded.
    static func files(for unit: Province, asOf: LocalDate) -> [(path: String, bytes: [UInt8])] {
        var files = SkeletonData.content.map { ("Content/" + $0.path, decode($0.base64)) }
        for (path, text) in ExampleContent(unit: unit, asOf: asOf).texts { files.append(("Content/" + path, Array(text.utf8))) }
        files += SkeletonData.theme.map { ("Theme/" + $0.path, decode($0.base64)) }
        return files.sorted { $0.0 < $1.0 }
    }

    /// Writes the site into `directory` (made if missing; refused unless empty). `theme`: a folder copied as Theme/.
    static func create(in directory: URL, unit: Province, asOf: LocalDate, theme: URL?) throws(SiteSkeleton.Failure) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SiteSkeleton.Failure("\(directory.path) đã có và không phải thư mục") }
            let entries = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
            guard entries.isEmpty else {
                throw SiteSkeleton.Failure(
                    "thư mục \(directory.path) không trống (\(entries.count) mục): dtisite new chỉ tạo trang trong một thư mục mới hoặc trống"
                )
            }
        }
        var files = files(for: unit, asOf: asOf)
        if let theme {
            guard manager.fileExists(atPath: theme.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw SiteSkeleton.Failure("không có thư mục giao diện \(theme.path) (--theme)")
            }
            files.removeAll { $0.path.hasPrefix("Theme/") }
            for (relative, _) in FileTree.inputFiles(in: theme.path.hasSuffix("/") ? theme.path : theme.path + "/").sorted(by: {
                $0.key < $1.key
            }) {
                guard let data = manager.contents(atPath: theme.appendingPathComponent(relative).path) else {
                    throw SiteSkeleton.Failure("không đọc được \(theme.appendingPathComponent(relative).path)")
                }
                files.append(("Theme/" + relative, Array(data)))
            }
        }
        do {
            for file in files {
                let url = directory.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
        } catch {
            throw SiteSkeleton.Failure("không ghi được vào \(directory.path): \(error.localizedDescription)")
        }
        return files.map(\.path)
    }
}
