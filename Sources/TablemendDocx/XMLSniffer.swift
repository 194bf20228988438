import Foundation

/// Recognises WordprocessingML and flat-OPC XML from the first bytes of a file.
enum XMLSniffer {
  enum Kind: Sendable, Equatable {
    /// A bare `w:document` (a `document.xml` pulled out of a `.docx`).
    case wordprocessingML
    /// Word's flat-OPC XML: a `pkg:package` holding the parts.
    case flatOPC
  }

  private static let wordNamespaces = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
  ]
  private static let packageNamespace = "http://schemas.microsoft.com/office/2006/xmlPackage"

  /// The kind of Word XML `data` starts with, or nil when it is not Word XML.
  ///
  /// Looks at the first 4 KiB after an optional UTF-8 or UTF-16 byte-order mark: an optional
  /// XML declaration, comments, processing instructions (`<?mso-application …?>`) and a
  /// DOCTYPE (which `DocxReader.read` then refuses), then the
  /// root element, whose local name must be `document` bound to the WordprocessingML namespace,
  /// or `package` bound to the flat-OPC package namespace.
  static func kind(of data: Data) -> Kind? {
    let head = data.prefix(4096)
    let text: String
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
      let even = head.prefix(head.count & ~1)
      guard let decoded = String(data: even, encoding: .utf16) else { return nil }
      text = decoded
    } else {
      // Cut at a character boundary: drop at most three trailing bytes until UTF-8 decodes.
      var slice = head
      var decoded = String(data: slice, encoding: .utf8)
      var tries = 0
      while decoded == nil, tries < 3, !slice.isEmpty {
        slice = slice.dropLast()
        decoded = String(data: slice, encoding: .utf8)
        tries += 1
      }
      guard let decoded else { return nil }
      text = decoded
    }
    var rest = Substring(text)
    if rest.first == "\u{FEFF}" { rest = rest.dropFirst() }
    while true {
      rest = rest.drop { $0.isWhitespace }
      if rest.hasPrefix("<?") {
        guard let end = rest.range(of: "?>") else { return nil }
        rest = rest[end.upperBound...]
      } else if rest.hasPrefix("<!DOCTYPE") {
        // Skipped here so that `read` can refuse it by name rather than call the file not Word.
        guard let close = rest.firstIndex(of: ">") else { return nil }
        if let subset = rest.firstIndex(of: "["), subset < close {
          guard let end = rest[subset...].range(of: "]") else { return nil }
          guard let after = rest[end.upperBound...].firstIndex(of: ">") else { return nil }
          rest = rest[rest.index(after: after)...]
        } else {
          rest = rest[rest.index(after: close)...]
        }
      } else if rest.hasPrefix("<!--") {
        guard let end = rest.range(of: "-->") else { return nil }
        rest = rest[end.upperBound...]
      } else {
        break
      }
    }
    guard rest.hasPrefix("<"), let close = rest.firstIndex(of: ">") else { return nil }
    let tag = rest[rest.index(after: rest.startIndex)..<close]
    let qname = tag.prefix { !$0.isWhitespace && $0 != "/" }
    let parts = qname.split(separator: ":", maxSplits: 1)
    let prefix = parts.count == 2 ? String(parts[0]) : ""
    let local = parts.count == 2 ? parts[1] : parts.first ?? ""
    let declaration = prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)"
    guard let uri = namespace(declared: declaration, in: tag) else { return nil }
    if local == "document", wordNamespaces.contains(uri) { return .wordprocessingML }
    if local == "package", uri == packageNamespace { return .flatOPC }
    return nil
  }

  /// The value of attribute `name` (`xmlns:w`) in a start tag's text.
  private static func namespace(declared name: String, in tag: Substring) -> String? {
    var search = tag[...]
    while let found = search.range(of: name) {
      let before =
        found.lowerBound == tag.startIndex ? " " : tag[tag.index(before: found.lowerBound)]
      var after = tag[found.upperBound...].drop { $0.isWhitespace }
      search = tag[found.upperBound...]
      guard before.isWhitespace, after.first == "=" else { continue }
      after = after.dropFirst().drop { $0.isWhitespace }
      guard let quote = after.first, quote == "\"" || quote == "'" else { continue }
      let value = after.dropFirst().prefix { $0 != quote }
      return String(value)
    }
    return nil
  }
}
