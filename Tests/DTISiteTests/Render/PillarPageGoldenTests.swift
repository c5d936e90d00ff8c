import Foundation
import Testing

@testable import DTISite

/// The rendered pillar page of the fixture site, compared with Golden/pillar-ha-tang-so.html.
/// After an intended change: `make golden` and review the diff.
@Suite struct PillarPageGoldenTests {
    @Test func pillarPageMatchesGolden() throws {
        var options = SiteBuilder.Options(root: Fixtures.url("mini"))
        options.themeDirectory = Fixtures.repositoryRoot.appendingPathComponent("Theme")
        let (files, _, diagnostics) = Pipeline.prepare(options)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        let page = try #require(files.first { $0.path == "tru-cot/ha-tang-so/index.html" })
        try Golden.check(String(decoding: page.contents, as: UTF8.self), named: "pillar-ha-tang-so.html")
    }
}
