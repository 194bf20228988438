import Foundation
import TablemendDocx
import TablemendModel

/// Reads MuPDF's structured text (`mutool draw -F stext`): every character with its quad and
/// font size, page by page, streamed through the project's libxml2 reader.
public enum StextReader {
  /// Reads the glyphs of every page in `xml`.
  /// - Parameters:
  ///   - xml: The XML that `mutool draw -F stext` printed.
  ///   - maxDepth: Deepest element nesting accepted.
  /// - Returns: One `PageContent` per `<page>`, with glyphs only (no rulings), numbered by the
  ///   page's `id` (`page31`) or, where that is missing, by its order.
  /// - Throws: `PDFReadError` when the XML is malformed.
  public static func read(_ xml: Data, maxDepth: Int = 200) throws(PDFReadError) -> [PageContent] {
    var pages: [PageContent] = []
    var fontSize = 0.0
    try PDFNumbers.parse(xml, part: "stext", maxDepth: maxDepth) { (s: XMLStream) in
      guard s.kind == .elementStart else { return }
      switch s.localName {
      case "char":
        guard !pages.isEmpty, let c = s.attribute("c"), let quad = s.attribute("quad"),
          let box = PDFNumbers.quadBox(quad)
        else { return }
        if c.unicodeScalars.contains(where: { $0.value == 0xFFFD }) {
          pages[pages.count - 1].unmappedGlyphs += 1
          return
        }
        pages[pages.count - 1].glyphs.append(Glyph(text: c, box: box, fontSize: fontSize))
      case "font":
        fontSize = s.attribute("size").flatMap(PDFNumbers.number) ?? 0
      case "page":
        let number =
          s.attribute("id").flatMap { id in Int(id.drop { !$0.isNumber }) }
          ?? pages.count + 1
        pages.append(
          PageContent(
            number: number,
            width: s.attribute("width").flatMap(PDFNumbers.number) ?? 0,
            height: s.attribute("height").flatMap(PDFNumbers.number) ?? 0))
      default:
        return
      }
    }
    return pages
  }
}

/// Number parsing for mutool's attributes, and the XML stream both readers use.
enum PDFNumbers {
  /// Streams `xml` through libxml2, calling `body` for each event.
  /// - Throws: `PDFReadError` when the XML is malformed or nested too deep.
  static func parse(
    _ xml: Data, part: String, maxDepth: Int, _ body: (XMLStream) -> Void
  ) throws(PDFReadError) {
    var failure: DocxError?
    xml.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      do throws(DocxError) {
        let stream = try XMLStream(bytes: raw, part: part, maxDepth: maxDepth)
        try stream.parse { (s: XMLStream) throws(DocxError) in body(s) }
      } catch {
        failure = error
      }
    }
    if let failure {
      throw PDFReadError(
        place: failure.place, message: failure.message.replacingOccurrences(of: "Word ", with: ""))
    }
  }

  /// A decimal number as mutool writes it (`.74999`, `-12`, `1e-05`), finite, or nil.
  static func number(_ text: String) -> Double? {
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }

  /// Space-separated numbers; nil when any is not a number.
  static func numbers(_ text: String) -> [Double]? {
    var out: [Double] = []
    for part in text.split(separator: " ", omittingEmptySubsequences: true) {
      guard let value = Double(part), value.isFinite else { return nil }
      out.append(value)
    }
    return out
  }

  /// The box around a quad `ulx uly urx ury llx lly lrx lry`.
  static func quadBox(_ text: String) -> Box? {
    guard let v = numbers(text), v.count == 8 else { return nil }
    let xs = [v[0], v[2], v[4], v[6]]
    let ys = [v[1], v[3], v[5], v[7]]
    guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else {
      return nil
    }
    return Box(x0: x0, y0: y0, x1: x1, y1: y1)
  }
}
