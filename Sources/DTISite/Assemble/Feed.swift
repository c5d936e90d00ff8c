/// feed.xml (Atom): the plan documents, newest first, dated by their issue date (or the data's as_of),
/// so readers and newsrooms can follow new plans. No clock: the same input gives the same feed.
enum Feed {
    static func atom(site: Site) -> String {
        let config = site.config
        let documents = site.documents.sorted { ($0.issued ?? config.asOf, $0.page.slug) > ($1.issued ?? config.asOf, $1.page.slug) }
        let updated = documents.compactMap(\.issued).max() ?? config.asOf
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(config.language.rawValue)">
            <title>\(Escape.xml(config.title))</title>
            <subtitle>\(Escape.xml(config.description))</subtitle>
            <link href="\(Escape.xml(config.baseURL))"/>
            <link rel="self" href="\(Escape.xml(config.baseURL))feed.xml"/>
            <id>\(Escape.xml(config.baseURL))</id>
            <updated>\(updated)T00:00:00Z</updated>

            """
        for document in documents {
            let url = config.baseURL + "van-ban/\(document.page.slug)/"
            out += """
                <entry>
                <title>\(Escape.xml(document.page.title))</title>
                <link href="\(Escape.xml(url))"/>
                <id>\(Escape.xml(url))</id>
                <updated>\(document.issued ?? config.asOf)T00:00:00Z</updated>
                <author><name>\(Escape.xml(document.issuer ?? config.publisher ?? config.title))</name></author>
                <summary>\(Escape.xml(document.page.summary))</summary>
                </entry>

                """
        }
        return out + "</feed>\n"
    }
}
