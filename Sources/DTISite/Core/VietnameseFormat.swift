import Foundation

/// Numbers as Vietnamese readers write them: decimal comma, dot for thousands ("0,7056", "1.234").
/// Data files and HTML attributes keep machine formats; only text people read goes through here.
enum VietnameseFormat {

    /// "0,7056" for `decimal(0.7056, fractionDigits: 4)`; "1.234,5" with thousands.
    /// Rounded half away from zero on the exact decimal value. Written out by hand rather than through
    /// a NumberFormatter: the same result as ICU's vi_VN format, at a fraction of the cost per number,
    /// which matters on a national site with hundreds of thousands of cells.
    static func decimal(_ value: Decimal, fractionDigits: Int) -> String {
        var input = value, rounded = Decimal()
        NSDecimalRound(&rounded, &input, fractionDigits, .plain)
        let negative = rounded < 0 && rounded != 0
        var whole: String, fraction: String
        if let units = DecimalText.units(rounded, fractionDigits: fractionDigits) {
            // The rounded value × 10^fractionDigits as an integer: split its digits.
            var digits = String(units.magnitude)
            if digits.count <= fractionDigits { digits = String(repeating: "0", count: fractionDigits - digits.count + 1) + digits }
            let cut = digits.index(digits.endIndex, offsetBy: -fractionDigits)
            whole = String(digits[..<cut])
            fraction = String(digits[cut...])
        } else {
            var text = NSDecimalNumber(decimal: negative ? -rounded : rounded).stringValue  // "1234.5"
            if text.hasPrefix("-") { text.removeFirst() }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            whole = String(parts[0])
            fraction = parts.count > 1 ? String(parts[1]) : ""
            if fraction.count < fractionDigits { fraction += String(repeating: "0", count: fractionDigits - fraction.count) }
        }
        whole = grouped(whole)
        if fractionDigits > 0 { whole += "," + fraction.prefix(fractionDigits) }
        return (negative ? "-" : "") + whole
    }

    static func decimal(_ value: Double, fractionDigits: Int) -> String {
        decimal(Decimal(string: String(value)) ?? Decimal(value), fractionDigits: fractionDigits)
    }

    /// "1.234" for 1234.
    static func integer(_ value: Int) -> String {
        value < 0 ? "-" + grouped(String(-value)) : grouped(String(value))
    }

    /// Digits grouped by three with ".": "1234567" → "1.234.567".
    /// On the UTF-8 bytes: every number of every table goes through it.
    static func grouped(_ digits: String) -> String {
        let bytes = Array(digits.utf8)
        // Digits are ASCII; anything else is left as it is rather than cut inside a character.
        guard bytes.count > 3, bytes.allSatisfy({ $0 < 0x80 }) else { return digits }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 3)
        for (i, byte) in bytes.enumerated() {
            if i > 0, (bytes.count - i) % 3 == 0 { out.append(UInt8(ascii: ".")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// "60,5%" for `percent(60.5, fractionDigits: 1)`; the value is already in percent.
    static func percent(_ value: Decimal, fractionDigits: Int) -> String {
        decimal(value, fractionDigits: fractionDigits) + "%"
    }

    static func percent(_ value: Double, fractionDigits: Int) -> String {
        percent(Decimal(value), fractionDigits: fractionDigits)
    }

    /// "+18", "−3" (true minus sign), "0".
    static func signed(_ value: Int) -> String {
        if value > 0 { return "+" + integer(value) }
        if value < 0 { return "\u{2212}" + integer(-value) }
        return "0"
    }

    /// "+0,0871" / "−0,0120" for index changes.
    static func signed(_ value: Decimal, fractionDigits: Int) -> String {
        if value > 0 { return "+" + decimal(value, fractionDigits: fractionDigits) }
        if value < 0 { return "\u{2212}" + decimal(-value, fractionDigits: fractionDigits) }
        return decimal(Decimal(0), fractionDigits: fractionDigits)
    }

    /// "20/11/2025".
    static func date(_ day: LocalDate) -> String {
        String(format: "%02d/%02d/%04d", day.day, day.month, day.year)
    }
}

/// Exact decimal values as text without going through `Decimal.description`, which divides the
/// mantissa digit by digit: a national site formats hundreds of thousands of numbers.
enum DecimalText {
    /// `value` × 10^fractionDigits as an integer, when that is exact and fits; nil otherwise.
    /// (Shifting the exponent and reading the integer is an order of magnitude cheaper than Decimal's
    /// own multiplication and comparison.)
    static func units(_ value: Decimal, fractionDigits: Int) -> Int64? {
        guard (0...18).contains(fractionDigits), value.exponent >= -fractionDigits else { return nil }
        var input = value, scaled = Decimal()
        guard NSDecimalMultiplyByPowerOf10(&scaled, &input, Int16(fractionDigits), .plain) == .noError else { return nil }
        let number = NSDecimalNumber(decimal: scaled)
        guard abs(number.doubleValue) < 1e17 else { return nil }
        return number.int64Value
    }

    /// The machine form of a value, as `Decimal.description` writes it: "0.7056", "1234", "-3.5".
    static func plain(_ value: Decimal) -> String {
        let fractionDigits = max(0, -value.exponent)
        guard let units = units(value, fractionDigits: fractionDigits) else { return NSDecimalNumber(decimal: value).stringValue }
        var digits = String(units.magnitude)
        if fractionDigits > 0 {
            if digits.count <= fractionDigits { digits = String(repeating: "0", count: fractionDigits - digits.count + 1) + digits }
            let cut = digits.index(digits.endIndex, offsetBy: -fractionDigits)
            var fraction = digits[cut...]
            while fraction.last == "0" { fraction = fraction.dropLast() }
            digits = String(digits[..<cut]) + (fraction.isEmpty ? "" : "." + fraction)
        }
        return (units < 0 ? "-" : "") + digits
    }
}

/// The site-wide rule for published averages: four decimals, half away from zero (as the ministry
/// publishes DTI figures).
enum PublishedRounding {
    static func index(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 4, .plain)
        return result
    }
}
