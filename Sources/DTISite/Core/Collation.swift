import Foundation

/// Vietnamese alphabetical order for every list a reader sees: units, communes, agencies.
enum Collation {
    /// Vietnamese alphabetical order (a ă â b c d đ e ê …) through ICU's collation.
    static func vietnameseOrder(_ a: String, _ b: String) -> Bool {
        a.compare(b, locale: vietnamese) == .orderedAscending
    }

    /// Made once: a Locale per comparison costs more than the comparison.
    static let vietnamese = Locale(identifier: "vi")

    /// `items` in Vietnamese alphabetical order of `name`, each name read once.
    static func sortedByVietnameseName<T>(_ items: [T], name: (T) -> String) -> [T] {
        let names = items.map(name)
        return items.indices.sorted { vietnameseOrder(names[$0], names[$1]) }.map { items[$0] }
    }
}
