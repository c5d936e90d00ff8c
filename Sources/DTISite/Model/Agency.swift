/// A department or office that leads or supports tasks: "Sở Thông tin và Truyền thông" (short "Sở TT&TT"),
/// with the other spellings the plans use, so all of them lead to one page.
struct Agency: Sendable, Hashable {
    var name: String
    var shortName: String?
    var aliases: [String]
    var slug: String
    var location: SourceLocation
}
