import Foundation

/// `dtisite new`: writes a working site for a province of the DTI data dtisite ships — the 63
/// provinces before 1 July 2025 and the 34 units after the merger —, from the binary alone.
public enum SiteSkeleton {
    public struct Options: Sendable {
        /// The folder of the new site: made if missing, refused unless empty.
        public var directory: URL
        /// The unit, by name ("Sơn La"), slug ("tuyen-quang-2025") or name without diacritics.
        public var unit: String
        /// `as_of` of site.toml, "YYYY-MM-DD"; nil: the date of the newest shipped data.
        public var asOf: String?
        /// A theme folder to copy instead of the default theme.
        public var themeDirectory: URL?

        public init(directory: URL, unit: String) {
            self.directory = directory
            self.unit = unit
        }
    }

    public struct Created: Sendable {
        /// Name of the unit, as site.toml names it.
        public var unit: String
        public var peerGroup: String
        public var asOf: String
        /// Paths written, relative to the directory.
        public var files: [String]
    }

    /// Why no site was written, in Vietnamese for the person who typed the command.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }

        init(_ message: String) { self.message = message }
    }

    public static func create(_ options: Options) throws(Failure) -> Created {
        let unit: NewSite.Province
        switch NewSite.resolve(options.unit) {
        case .success(let found): unit = found
        case .failure(let failure): throw failure
        }
        var asOf = NewSite.dataAsOf
        if let text = options.asOf {
            guard let date = LocalDate(iso: text) else {
                throw Failure("--as-of \"\(text)\" không phải một ngày dạng YYYY-MM-DD, ví dụ 2025-11-20")
            }
            asOf = date
        }
        let files = try NewSite.create(in: options.directory, unit: unit, asOf: asOf, theme: options.themeDirectory)
        return Created(unit: unit.name, peerGroup: unit.region, asOf: asOf.description, files: files)
    }

    /// Names of the units `create` accepts.
    public static var units: [String] { Array(Set(NewSite.provinces.map(\.name))).sorted() }
}
