/// A department or office that leads or supports tasks: "Sở Thông tin và Truyền thông" (short "Sở TT&TT"),
/// with the other spellings the plans use, so all of them lead to one page.
public struct Agency: Sendable, Hashable {
    public var name: String
    public var shortName: String?
    public var aliases: [String]
    public var slug: String
    public var location: SourceLocation
}
