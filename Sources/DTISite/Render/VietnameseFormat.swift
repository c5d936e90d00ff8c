import Foundation

/// Numbers as Vietnamese readers write them: decimal comma, dot for thousands ("0,7056", "1.234").
/// Data files and HTML attributes keep machine formats; only text people read goes through here.
public enum VietnameseFormat {
    static let locale = Locale(identifier: "vi_VN")

    /// "0,7056" for `decimal(0.7056, fractionDigits: 4)`.
    public static func decimal(_ value: Decimal, fractionDigits: Int) -> String {
        value.formatted(.number.locale(locale).precision(.fractionLength(fractionDigits)).rounded(rule: .toNearestOrAwayFromZero))
    }

    public static func decimal(_ value: Double, fractionDigits: Int) -> String {
        decimal(Decimal(value), fractionDigits: fractionDigits)
    }

    /// "1.234" for 1234.
    public static func integer(_ value: Int) -> String {
        value.formatted(.number.locale(locale).grouping(.automatic))
    }

    /// "60,5%" for `percent(60.5, fractionDigits: 1)`; the value is already in percent.
    public static func percent(_ value: Decimal, fractionDigits: Int) -> String {
        decimal(value, fractionDigits: fractionDigits) + "%"
    }

    public static func percent(_ value: Double, fractionDigits: Int) -> String {
        percent(Decimal(value), fractionDigits: fractionDigits)
    }

    /// "+18", "−3" (true minus sign), "0".
    public static func signed(_ value: Int) -> String {
        if value > 0 { return "+" + integer(value) }
        if value < 0 { return "\u{2212}" + integer(-value) }
        return "0"
    }

    /// "+0,0871" / "−0,0120" for index changes.
    public static func signed(_ value: Decimal, fractionDigits: Int) -> String {
        if value > 0 { return "+" + decimal(value, fractionDigits: fractionDigits) }
        if value < 0 { return "\u{2212}" + decimal(-value, fractionDigits: fractionDigits) }
        return decimal(Decimal(0), fractionDigits: fractionDigits)
    }

    /// "20/11/2025".
    public static func date(_ day: LocalDate) -> String {
        String(format: "%02d/%02d/%04d", day.day, day.month, day.year)
    }
}
