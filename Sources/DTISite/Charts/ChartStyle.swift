/// The charts' stylesheet: colours as CSS custom properties with a dark variant and a print variant.
/// Okabe–Ito blue and vermillion are told apart with colour-blindness; text colours meet WCAG AA on
/// their background. Standalone .svg files carry it inline; pages load the same rules as a stylesheet.
enum ChartStyle {
    static let css = """
        .dti-chart{--c-ink:#1c2430;--c-muted:#4b5563;--c-grid:#e3e7ee;--c-axis:#8a94a3;--c-bg:#ffffff;--c-main:#0072b2;--c-second:#d55e00;--c-peer:#b3bcc8;--c-avg:#4b5563;--c-bar-avg:#c5ccd6;font-family:"Noto Sans","Segoe UI",Roboto,Arial,sans-serif;}
        .dti-chart .bg{fill:var(--c-bg);}
        .dti-chart text{fill:var(--c-ink);font-size:13px;}
        .dti-chart .axis-label,.dti-chart .tick{fill:var(--c-muted);font-size:12px;}
        .dti-chart .caption{fill:var(--c-muted);font-size:12px;}
        .dti-chart .heading{font-size:15px;font-weight:700;}
        .dti-chart .grid{stroke:var(--c-grid);stroke-width:1;}
        .dti-chart .axis{stroke:var(--c-axis);stroke-width:1;}
        .dti-chart .peer{fill:none;stroke:var(--c-peer);stroke-width:1.5;}
        .dti-chart .peer-label{fill:var(--c-muted);font-size:12px;}
        .dti-chart .main{fill:none;stroke:var(--c-main);stroke-width:3.5;stroke-linejoin:round;stroke-linecap:round;}
        .dti-chart .main-dot{fill:var(--c-main);stroke:var(--c-bg);stroke-width:2;}
        .dti-chart .main-label{fill:var(--c-main);font-weight:700;}
        .dti-chart .second{fill:none;stroke:var(--c-second);stroke-width:2.5;stroke-dasharray:7 4;}
        .dti-chart .second-dot{fill:var(--c-second);}
        .dti-chart .second-label{fill:#b34700;font-weight:600;}
        .dti-chart .avg{fill:none;stroke:var(--c-avg);stroke-width:2;stroke-dasharray:2 4;stroke-linecap:round;}
        .dti-chart .avg-dot{fill:var(--c-avg);}
        .dti-chart .avg-label{fill:var(--c-muted);font-weight:600;}
        .dti-chart .bar-main{fill:var(--c-main);}
        .dti-chart .bar-avg{fill:var(--c-bar-avg);}
        .dti-chart .bar-target{stroke:var(--c-second);stroke-width:3;}
        .dti-chart .value{font-size:12px;font-weight:600;}
        .dti-chart .missing{fill:var(--c-muted);font-style:italic;font-size:12px;}
        @media (prefers-color-scheme:dark){.dti-chart{--c-ink:#e6ebf2;--c-muted:#b4bfcc;--c-grid:#2c3850;--c-axis:#64748b;--c-bg:#162033;--c-main:#56b4e9;--c-second:#f0a35e;--c-peer:#4a5a73;--c-avg:#b4bfcc;--c-bar-avg:#4a5a73;}.dti-chart .second-label{fill:#f0a35e;}}
        @media print{.dti-chart{--c-bg:#fff;--c-ink:#000;--c-muted:#333;--c-grid:#ddd;--c-peer:#bbb;}}
        """

    /// The stylesheet with every `var(--c-…)` replaced by its light value and the `@media` variants
    /// left out: for renderers that do not read custom properties (librsvg, for the PNG copies).
    static let resolved: String = {
        let lines = css.split(separator: "\n").map(String.init)
        var values: [String: String] = [:]
        if let first = lines.first, let open = first.firstIndex(of: "{") {
            for declaration in first[first.index(after: open)...].split(separator: ";") where declaration.hasPrefix("--") {
                let pair = declaration.split(separator: ":", maxSplits: 1).map(String.init)
                if pair.count == 2 { values[pair[0]] = pair[1] }
            }
        }
        return lines.filter { !$0.hasPrefix("@media") }.map { line in
            var line = line
            for (name, value) in values { line = line.replacingOccurrences(of: "var(\(name))", with: value) }
            return line
        }.joined(separator: "\n")
    }()
}
