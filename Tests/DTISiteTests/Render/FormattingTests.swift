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

    @Test func slugsDropDiacriticsAndMapDToD() {
        #expect(Slug.make("Nhận thức số") == "nhan-thuc-so")
        #expect(Slug.make("Điện Biên") == "dien-bien")
        #expect(Slug.make("Đắk Lắk") == "dak-lak")
        #expect(Slug.make("Bà Rịa - Vũng Tàu") == "ba-ria-vung-tau")
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        #expect(Slug.make("TT. Phố Ràng") == "tt-pho-rang")
    }

    @Test func vietnameseAlphabeticalOrder() {
        let names = ["Đà Nẵng", "Điện Biên", "Bắc Giang", "Bà Rịa - Vũng Tàu", "An Giang", "Cà Mau", "Yên Bái", "Ăn", "Âm"]
        #expect(names.sorted(by: Display.vietnameseOrder) ==
                ["An Giang", "Ăn", "Âm", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Cà Mau", "Đà Nẵng", "Điện Biên", "Yên Bái"])
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
