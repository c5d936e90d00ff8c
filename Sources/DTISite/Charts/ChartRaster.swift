import CRSVG
import Foundation

/// PNG copies of the charts, for link previews (`og:image`), for "Tải ảnh PNG" and for newsroom systems
/// that keep only `<img>`: the standalone SVG (its title and source drawn in) rasterised by librsvg at
/// twice its size — 1,280 px for the usual 640-unit chart — on a white background, in the light
/// palette. Drawn in-process, no external program per chart.
enum ChartRaster {
    /// Pixels per SVG unit.
    static let scale = 2.0

    /// The PNG of a standalone chart SVG; nil when librsvg cannot read it (never for dtisite's own).
    static func png(standalone svg: String) -> [UInt8]? {
        let source = Array(printable(svg).utf8)
        guard let (width, height) = viewBox(svg), width > 0, height > 0 else { return nil }
        var error: UnsafeMutablePointer<GError>?
        let handle = source.withUnsafeBufferPointer { rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) }
        guard let handle else {
            if let error { g_error_free(error) }
            return nil
        }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        let pixelWidth = Int32((width * scale).rounded()), pixelHeight = Int32((height * scale).rounded())
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixelWidth, pixelHeight) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard let cairo = cairo_create(surface) else { return nil }
        defer { cairo_destroy(cairo) }
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        var viewport = RsvgRectangle(x: 0, y: 0, width: Double(pixelWidth), height: Double(pixelHeight))
        guard rsvg_handle_render_document(handle, cairo, &viewport, &error) != 0 else {
            if let error { g_error_free(error) }
            return nil
        }
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        return PNGEncoder.encode(
            pixels: UnsafePointer(data), width: Int(pixelWidth), height: Int(pixelHeight),
            stride: Int(cairo_image_surface_get_stride(surface)))
    }

    /// The standalone SVG as librsvg can draw it: the stylesheet with the light palette's colours
    /// written out (librsvg does not read CSS custom properties) and without the dark and print variants.
    static func printable(_ svg: String) -> String {
        svg.replacingOccurrences(of: "<style>" + ChartStyle.css + "</style>", with: "<style>" + ChartStyle.resolved + "</style>")
    }

    /// Width and height of `viewBox="0 0 W H"`, the first one in the text.
    static func viewBox(_ svg: String) -> (Double, Double)? {
        guard let start = svg.range(of: "viewBox=\"0 0 ")?.upperBound, let end = svg[start...].firstIndex(of: "\"") else { return nil }
        let parts = svg[start..<end].split(separator: " ").compactMap { Double($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
}
