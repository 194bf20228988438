import Foundation
import TablemendDocx
import TablemendModel

/// Reads MuPDF's drawing trace (`mutool draw -F trace`): every filled and stroked path, in
/// page coordinates after its transform, turned into rulings; and how many images each page
/// draws. Streamed through the project's libxml2 reader.
public enum TraceReader {
  /// Reads the rulings and image counts of every page in `xml`.
  /// - Parameters:
  ///   - xml: The XML that `mutool draw -F trace` printed.
  ///   - maxDepth: Deepest element nesting accepted.
  /// - Returns: One `PageContent` per `<page>` in order (numbered 1, 2, … by position; the
  ///   caller pairs them with the structured text's pages), with rulings and image counts.
  /// - Throws: `PDFReadError` when the XML is malformed.
  public static func read(_ xml: Data, maxDepth: Int = 200) throws(PDFReadError) -> [PageContent] {
    var pages: [PageContent] = []
    var path: PathBuilder?
    try PDFNumbers.parse(xml, part: "trace", maxDepth: maxDepth) { (s: XMLStream) in
      switch s.kind {
      case .elementStart:
        switch s.localName {
        case "moveto", "lineto", "curveto":
          guard path != nil else { return }
          let x = s.attribute(s.localName == "curveto" ? "x3" : "x").flatMap(PDFNumbers.number)
          let y = s.attribute(s.localName == "curveto" ? "y3" : "y").flatMap(PDFNumbers.number)
          guard let x, let y else { return }
          path?.add(x: x, y: y, move: s.localName == "moveto", curve: s.localName == "curveto")
        case "closepath":
          path?.close()
        case "fill_path", "stroke_path":
          let stroke = s.localName == "stroke_path"
          path = PathBuilder(
            stroke: stroke,
            transform: s.attribute("transform").flatMap(PDFNumbers.numbers) ?? [1, 0, 0, 1, 0, 0],
            white: PathPaint.isWhite(
              colorspace: s.attribute("colorspace"), color: s.attribute("color")),
            invisible: s.attribute("alpha").flatMap(PDFNumbers.number).map { $0 < 0.05 } ?? false,
            lineWidth: s.attribute("linewidth").flatMap(PDFNumbers.number) ?? 1)
        case "fill_image", "fill_image_mask":
          if !pages.isEmpty { pages[pages.count - 1].imageCount += 1 }
        case "page":
          let box = s.attribute("mediabox").flatMap(PDFNumbers.numbers) ?? []
          let width = box.count == 4 ? abs(box[2] - box[0]) : 0
          let height = box.count == 4 ? abs(box[3] - box[1]) : 0
          pages.append(PageContent(number: pages.count + 1, width: width, height: height))
        default:
          return
        }
      case .elementEnd:
        let name = s.localName
        guard name == "fill_path" || name == "stroke_path", let built = path else { return }
        path = nil
        guard !pages.isEmpty else { return }
        let page = pages[pages.count - 1]
        pages[pages.count - 1].rulings += built.rulings(
          pageWidth: page.width, pageHeight: page.height)
      case .text:
        return
      }
    }
    return pages
  }
}

/// Whether a paint is white (a cell background, never a ruling).
enum PathPaint {
  /// True for white in DeviceGray (`1`), DeviceRGB (`1 1 1`) and DeviceCMYK (`0 0 0 0`).
  static func isWhite(colorspace: String?, color: String?) -> Bool {
    guard let values = color.flatMap(PDFNumbers.numbers), !values.isEmpty else { return false }
    let space = colorspace ?? ""
    if space.contains("CMYK") || values.count == 4 { return values.allSatisfy { $0 <= 0.05 } }
    return values.allSatisfy { $0 >= 0.95 }
  }
}
