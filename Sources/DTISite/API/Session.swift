import Foundation

extension SiteBuilder {
    /// A build kept in memory between builds, for a dev server: `build(changed:)` after an edit rereads
    /// and redoes only what depends on the changed files, and writes only the files whose bytes changed.
    /// One build at a time: callers serialise their calls.
    public final class Session: @unchecked Sendable {
        private let session: BuildSession

        /// `keepsPages`: keep every page's values in memory between builds, so that `quickBuild` can
        /// re-render the page of an edited Markdown text at once (a dev server).
        public init(_ options: Options, keepsPages: Bool = false) {
            session = BuildSession(options, keepsPages: keepsPages)
        }

        public var options: Options { session.options }

        /// Builds into the output directory. `changed`: absolute paths of the input files (under the
        /// content and theme directories) that changed, were added or were removed since the previous
        /// build of this session; nil: any may have.
        public func build(changed: Set<String>? = nil) -> Report {
            session.build(changed: changed)
        }

        /// The same build, writing the pages that changed as soon as they are rendered and calling
        /// `pagesReady` with their number (not called when none was written), before the rest of the
        /// site — the search index, downloads, the manifest — is made and written.
        public func build(changed: Set<String>?, pagesReady: @escaping @Sendable (Int) -> Void) -> Report {
            session.build(changed: changed, pagesReady: { if $0 > 0 { pagesReady($0) } })
        }

        /// After an edit of Markdown texts below their front matter: their pages re-rendered from the
        /// last build's values and written, in milliseconds. Nil when the change is of another kind.
        /// What else depends on the texts (the search index, the feed) waits for `build(changed:)` with
        /// the same files, which should follow.
        public func quickBuild(changed: Set<String>) -> Report? {
            session.quickBuild(changed: changed)
        }
    }
}
