import Foundation
import Testing

@testable import DTISite

@Suite struct FormattingTests {
    @Test func vietnameseNumbers() {
        #expect(VietnameseFormat.decimal(Decimal(string: "0.7056")!, fractionDigits: 4) == "0,7056")
        #expect(VietnameseFormat.decimal(Decimal(string: "0.54785")!, fractionDigits: 4) == "0,5479")
        #expect(VietnameseFormat.integer(1234567) == "1.234.567")
        #expect(VietnameseFormat.percent(Decimal(string: "60.5")!, fractionDigits: 1) == "60,5%")
        #expect(VietnameseFormat.signed(18) == "+18")
        #expect(VietnameseFormat.signed(-3) == "\u{2212}3")
        #expect(VietnameseFormat.date(LocalDate(year: 2025, month: 3, day: 5)) == "05/03/2025")
    }

    /// The formatting the fast paths replace, kept as the reference: Foundation's own decimal text.
    static func reference(_ value: Decimal, fractionDigits: Int) -> String {
        var input = value, rounded = Decimal()
        NSDecimalRound(&rounded, &input, fractionDigits, .plain)
        let negative = rounded < 0
        var text = NSDecimalNumber(decimal: negative ? -rounded : rounded).stringValue
        if text.hasPrefix("-") { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var whole = VietnameseFormat.grouped(String(parts[0]))
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.count < fractionDigits { fraction += String(repeating: "0", count: fractionDigits - fraction.count) }
        if fractionDigits > 0 { whole += "," + fraction.prefix(fractionDigits) }
        return (negative && rounded != 0 ? "-" : "") + whole
    }

    static let samples: [Decimal] = {
        var values = [
            "0", "1.50", "0.7056", "0.54785", "-0.5", "-0.04", "100", "12.000", "0.00001", "-12345.6789", "99999999999.99995",
            "123456789012345678901234567890", "0.000000000000000000001234"
        ].map { Decimal(string: $0)! }
        for i in 0..<3000 {
            values.append(Decimal(string: "\(i % 1000 - 500).\(i)")!)
            values.append(Decimal(i) / 7)  // 38 significant digits
            values.append(Decimal(i * 37) / 100)
            values.append(Decimal(i) * 100 / Decimal(i + 3))
        }
        return values
    }()

    @Test func fastDecimalTextMatchesFoundation() {
        for value in Self.samples {
            #expect(DecimalText.plain(value) == NSDecimalNumber(decimal: value).stringValue, "\(value)")
            for digits in [0, 1, 2, 4] {
                #expect(
                    VietnameseFormat.decimal(value, fractionDigits: digits) == Self.reference(value, fractionDigits: digits),
                    "\(value) \(digits)")
            }
        }
    }

    @Test func searchExcerptsCountLettersNotBytes() {
        #expect(SearchPageBuilder.excerpt("Hạ tầng số", limit: 4) == "Hạ t")
        #expect(SearchPageBuilder.excerpt("Hạ tầng số", limit: 10) == "Hạ tầng số")
        #expect(SearchPageBuilder.excerpt("Hạ tầng số", limit: 100) == "Hạ tầng số")
        #expect(SearchPageBuilder.excerpt(String(repeating: "đ", count: 3000), limit: 2000).count == 2000)
    }

    @Test func slugsDropDiacriticsAndMapDToD() {
        #expect(Slug.make("Nhận thức số") == "nhan-thuc-so")
        #expect(Slug.make("Điện Biên") == "dien-bien")
        #expect(Slug.make("Đắk Lắk") == "dak-lak")
        #expect(Slug.make("Bà Rịa - Vũng Tàu") == "ba-ria-vung-tau")
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        #expect(Slug.make("TT. Phố Ràng") == "tt-pho-rang")
    }

    @Test func slugsFoldDecomposedTextLikeComposedText() {
        let composed = "Nhận thức số Đắk Lắk"
        #expect(Slug.make(composed.decomposedStringWithCanonicalMapping) == "nhan-thuc-so-dak-lak")
        #expect(Slug.make(composed) == "nhan-thuc-so-dak-lak")
        #expect(Slug.make("Tiếng Việt — 2025 (bản cuối)") == "tieng-viet-2025-ban-cuoi")
    }

    @Test func plainTextDropsTagsDecodesEntitiesAndCollapsesSpace() {
        #expect(
            PlainText.of("<h2 id=\"a\">Hạ tầng</h2>\n<p>Sở A &amp; B &lt;x&gt; &quot;q&quot; &#39;s&#39;</p>")
                == "Hạ tầng Sở A & B <x> \"q\" 's'")
        #expect(PlainText.of("AT&T &copy; &amp") == "AT&T &copy; &amp")
        #expect(PlainText.of("   <br>  ") == "")
        #expect(PlainText.of("") == "")
        #expect(PlainText.of("a<b>b</b>c") == "a b c")
    }

    @Test func vietnameseAlphabeticalOrder() {
        let names = ["Đà Nẵng", "Điện Biên", "Bắc Giang", "Bà Rịa - Vũng Tàu", "An Giang", "Cà Mau", "Yên Bái", "Ăn", "Âm"]
        #expect(
            names.sorted(by: Collation.vietnameseOrder) == [
                "An Giang", "Ăn", "Âm", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Cà Mau", "Đà Nẵng", "Điện Biên", "Yên Bái"
            ])
    }

    @Test func suggestionsFindTheIntendedName() {
        #expect(Suggest.closest(to: "Lai Chau", in: ["Lai Châu", "Lào Cai", "Điện Biên"]) == "Lai Châu")
        #expect(Suggest.closest(to: "Thế chế số", in: ["Thể chế số", "Hạ tầng số"]) == "Thể chế số")
        #expect(Suggest.closest(to: "xyz", in: ["Lai Châu"]) == nil)
    }

    @Test func escapingCoversQuotesAndAngles() {
        #expect(Escape.html("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect(Escape.html("Sở Thông tin & Truyền thông <Lai Châu>") == "Sở Thông tin &amp; Truyền thông &lt;Lai Châu&gt;")
        #expect(Escape.html("Nhận thức số") == "Nhận thức số")
        #expect(Escape.html("") == "")
    }

    @Test func escapingDropsControlCharactersButKeepsLineBreaks() {
        #expect(Escape.html("a\u{0}b\u{1B}c\td\ne\r") == "abc\td\ne\r")
        #expect(Escape.html("\u{7}") == "")
    }
}
