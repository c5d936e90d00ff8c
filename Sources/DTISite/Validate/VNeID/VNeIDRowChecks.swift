import Foundation

/// The checks of one row of data/vneid.csv: counts within their population, stated percents that agree
/// with their counts.
extension VNeIDRules {
    /// A percent as the document writes it: "51%", "66,5%".
    static func stated(_ value: Decimal) -> String {
        VietnameseFormat.decimal(value, fractionDigits: min(2, max(0, -value.exponent))) + "%"
    }

    static func checkRow(
        _ figures: inout CommuneYear, commune: String, reader: TableReader, row: RawTable.Row, isTotal: Bool,
        into diagnostics: inout Diagnostics
    ) {
        for (column, count) in [("collected", figures.collected), ("activated", figures.activated)] {
            guard let count, let population = figures.population else { continue }
            if count > population {
                diagnostics.append(
                    .dataQuality(
                        reader.location(row, column),
                        "\(commune) năm \(figures.year) có \(VietnameseFormat.integer(count)) (\(column == "collected" ? "thu nhận" : "kích hoạt")) nhiều hơn dân số \(VietnameseFormat.integer(population))"
                    ))
            }
        }
        if let activated = figures.activated, let collected = figures.collected, activated > collected {
            diagnostics.append(
                .dataQuality(
                    reader.location(row, "activated"),
                    "\(commune) năm \(figures.year) có số kích hoạt (\(VietnameseFormat.integer(activated))) lớn hơn số thu nhận (\(VietnameseFormat.integer(collected)))"
                ))
        }
        for (column, stated, count) in [
            ("collected_pct", figures.statedCollectedPercent, figures.collected),
            ("activated_pct", figures.statedActivatedPercent, figures.activated)
        ] {
            guard let stated, let count, let population = figures.population,
                let computed = VNeIDFigures.percent(count, of: population)
            else { continue }
            // The source rounds to whole percents: more than half a point apart is a contradiction.
            if abs(stated - computed) > halfPoint {
                let label = column == "collected_pct" ? "thu nhận" : "kích hoạt"
                diagnostics.append(
                    .dataQuality(
                        reader.location(row, column),
                        "\(commune) năm \(figures.year), tỷ lệ \(label): ghi trong văn bản \(Self.stated(stated)) / tính từ số liệu \(VietnameseFormat.integer(count))/\(VietnameseFormat.integer(population)) = \(VietnameseFormat.percent(computed, fractionDigits: 1))"
                    ))
            }
        }
    }
}
