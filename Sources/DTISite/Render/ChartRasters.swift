/// Render: the PNG copy of every published chart (`ChartRaster`), /bieu-do/<id>.png. Drawing a PNG
/// costs far more than writing its SVG, so a PNG whose SVG did not change since the previous build
/// (same hash in the manifest, file intact) is kept without drawing it; the others are drawn
/// concurrently.
enum ChartRasters {
    /// Bumped when the drawing changes (palette, scale, renderer) so every PNG is drawn again.
    static let version = "png-1"

    static func path(_ chartID: String) -> String { "bieu-do/\(chartID).png" }

    static func files(for charts: [PublishedChart], reuse cache: inout RenderReuse, into diagnostics: inout Diagnostics) -> [OutputFile] {
        var seen: Set<String> = []
        let unique = charts.filter { seen.insert($0.id).inserted }
        let hashes = unique.map { chart -> String in
            var hasher = ContentHasher()
            hasher.add(version + "|")
            hasher.add(chart.standalone)
            return hasher.hex
        }
        let previous = cache.previous, sizes = cache.previousSizes
        let drawn = Concurrent.map(count: unique.count) { i -> OutputFile? in
            let path = Self.path(unique[i].id)
            if previous[path] == hashes[i], let size = sizes[path] { return .kept(path: path, size: size) }
            return ChartRaster.png(standalone: unique[i].standalone).map { OutputFile(path: path, contents: $0) }
        }
        var files: [OutputFile] = []
        for (i, file) in drawn.enumerated() {
            guard let file else {
                diagnostics.warning(
                    SourceLocation(file: ""), "không vẽ được ảnh PNG của biểu đồ \"\(unique[i].title)\" (thư viện librsvg báo lỗi)")
                continue
            }
            cache.current[file.path] = hashes[i]
            files.append(file)
        }
        return files
    }
}
