import Foundation

/// RFC 4180 CSV text: fields joined by commas, records ended by CRLF, a field quoted when it
/// holds a comma, a double quote, CR or LF, and quotes inside doubled; text that a spreadsheet
/// would run as a formula guarded (`guarded`).
public enum CSVFormat {
  /// The UTF-8 byte-order mark written first, so that Excel reads Chinese text as UTF-8.
  public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// One field, quoted if it needs to be.
  public static func field(_ text: String) -> String {
    let needsQuotes = text.unicodeScalars.contains {
      $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n"
    }
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Text a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
  /// CR: `=HYPERLINK(…)` from a form's field) with a `'` before it, the OWASP rule for CSV
  /// injection, so that Excel and WPS show it as text; other text unchanged. Only the CSV is
  /// guarded: the JSON and SQLite outputs keep the text as read.
  public static func guarded(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else {
      return text
    }
    return "'" + text
  }

  /// One record with its CRLF.
  public static func record(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }
}
