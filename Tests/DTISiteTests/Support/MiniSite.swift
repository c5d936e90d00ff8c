import Foundation

@testable import DTISite

extension Fixtures {
    struct Unreadable: Error {}

    /// The mini fixture loaded and validated into the model, for rules that need a site around them.
    static func miniSite() throws -> Site {
        var diagnostics = Diagnostics()
        guard let content = ContentLoader(contentDirectory: url("mini").appendingPathComponent("Content")).load(into: &diagnostics)
        else { throw Unreadable() }
        return SiteValidator.site(from: content, into: &diagnostics)
    }
}
