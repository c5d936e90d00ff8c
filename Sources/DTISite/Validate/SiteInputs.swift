import Foundation

/// What the parts of the `Site` model are made from, so that a session's build redoes only what an
/// edit reaches: a page builder whose inputs did not change keeps its pages (`BuilderMemo`), a part of
/// validation whose tables did not change keeps its result (`ValidationMemo`).
///
/// Inputs are named by group: `settings` (site.toml and the options that change output), `data:<name>`
/// (one of dtisite's tables, CSV or JSON), `data:*` (the other tables of data/), `pillars`,
/// `documents`, `pages` and `home` (the Markdown files), and `md:<kind>` (the rendered Markdown of
/// those files, which also depends on the data its `<dti-…>` elements draw). A group's version is a hash
/// of its files' digests; without versions (a single build) nothing is taken over.
enum SiteInput: Sendable, Hashable, CaseIterable {
    case scores, indicators, agencies, tasks, targets, vneid, documents, pages, home

    /// Every part of the site reads these: the settings, the units and the pillars (their titles are on
    /// every page that names a pillar, and charts draw them).
    static let everywhere = ["settings", "data:units", "pillars", "md:pillars"]

    /// The groups a part of the model is made from, with those its validation reads.
    var groups: [String] {
        switch self {
        case .scores: ["data:dti", "data:groups", "data:aggregates"]
        case .indicators: ["data:indicators"]
        case .agencies: ["data:agencies"]
        // Tasks are checked against the indicators, the agencies and the documents they name.
        case .tasks: ["data:tasks", "data:indicators", "data:agencies", "documents"]
        case .targets: ["data:targets", "data:agencies", "documents"]
        case .vneid: ["data:vneid"]
        case .documents: ["documents", "md:documents"]
        case .pages: ["pages", "md:pages"]
        case .home: ["home", "md:home"]
        }
    }

    /// The group of a file of Content/, by its path relative to Content/ ("data/tasks.csv").
    static func group(of relative: String) -> String {
        if relative == "site.toml" { return "settings" }
        if relative.hasPrefix("data/") {
            let name = URL(fileURLWithPath: relative).deletingPathExtension().lastPathComponent
            return PublishedTableRules.known.contains(name) ? "data:" + name : "data:*"
        }
        if relative.hasPrefix("tru-cot/") { return "pillars" }
        if relative.hasPrefix("van-ban/") { return "documents" }
        if relative == "_index.md" { return "home" }
        if relative.hasSuffix(".md") { return "pages" }
        return "other"
    }

    /// The versions of the groups of Content/'s files (`digests`: absolute path → digest) and of the
    /// options (`settings` includes them).
    static func versions(content root: String, digests: [String: UInt64], options: String) -> [String: UInt64] {
        var hashers: [String: ContentHasher] = [:]
        for (path, digest) in digests.sorted(by: { $0.key < $1.key }) where path.hasPrefix(root) {
            let relative = String(path.dropFirst(root.count))
            let group = group(of: relative)
            hashers[group, default: ContentHasher()].add("|" + relative + "|")
            hashers[group, default: ContentHasher()].add(digest)
        }
        hashers["settings", default: ContentHasher()].add("|options|" + options)
        return hashers.mapValues(\.digest)
    }

    /// One key for everything read through `inputs` (and what every part reads), from `versions`; nil
    /// without versions.
    static func key(_ name: String, _ inputs: Set<SiteInput>, versions: [String: UInt64]) -> UInt64? {
        key(name, groups: inputs.flatMap(\.groups), versions: versions)
    }

    /// One key for the groups named (and what every part reads), from `versions`; nil without versions.
    static func key(_ name: String, groups named: [String], versions: [String: UInt64]) -> UInt64? {
        guard !versions.isEmpty else { return nil }
        let groups = Set(everywhere + named).sorted()
        var hasher = ContentHasher()
        hasher.add(name)
        for group in groups {
            hasher.add("|" + group + "|")
            // A group without files (no tasks.csv) has no version: 0, the same on every build.
            hasher.add(versions[group] ?? 0)
        }
        return hasher.digest
    }
}
