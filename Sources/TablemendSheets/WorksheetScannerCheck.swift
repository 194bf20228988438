import Foundation
import TablemendModel

/// `WorksheetScanner` beside the libxml2 worksheet handler on the same part, for the tests and
/// the sheets fuzz target: the scanner either gives up or gives the handler's sheet.
package enum WorksheetScannerCheck {
  /// The shared strings the check reads cells with.
  package static let strings = ["甲", "乙\n丙", "_x000D_丁"]

  /// Styles: General, `0%`, a date and `0.00%`.
  static let styles = XLSXReader.Styles(formatIDs: [0, 9, 14, 10], codes: [:])

  /// The scanner's sheet for a worksheet part fed in pieces of `pieceSize` bytes, or nil when
  /// it gives up.
  package static func scan(_ xml: Data, pieceSize: Int, limits: Limits = .standard) -> Sheet? {
    var scanner = WorksheetScanner(
      strings: strings, styles: styles, date1904: false, limits: limits)
    let size = max(1, pieceSize)
    let fed = xml.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
      var at = 0
      while at < bytes.count {
        let end = min(bytes.count, at + size)
        guard scanner.feed(UnsafeRawBufferPointer(rebasing: bytes[at..<end])) else {
          return false
        }
        at = end
      }
      return true
    }
    return fed ? scanner.finish() : nil
  }

  /// The libxml2 handler's sheet for the same part, or the error it ends in.
  package static func parse(_ xml: Data, limits: Limits = .standard) -> Result<Sheet, SheetsError> {
    Result { () throws(SheetsError) in
      try XLSXReader.readSheet(
        xml, part: "sheet.xml", strings: strings, styles: styles, date1904: false, limits: limits)
    }
  }

  /// True when the scanner, fed `xml` in pieces of `pieceSize` bytes, gives up or gives
  /// exactly the sheet the libxml2 handler gives.
  package static func agrees(_ xml: Data, pieceSize: Int, limits: Limits = .standard) -> Bool {
    guard let scanned = scan(xml, pieceSize: pieceSize, limits: limits) else { return true }
    guard case .success(let parsed) = parse(xml, limits: limits) else { return false }
    return parsed == scanned
  }
}
