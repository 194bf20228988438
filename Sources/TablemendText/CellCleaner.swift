import Foundation
import TablemendModel

/// Cleans the noise converters leave in cell text, and counts what it removed so that the
/// reader can report it: `<p>` markup becomes paragraph breaks, `[bookmark: …]` goes, padding
/// spaces (ASCII and full-width) are trimmed.
public struct CellCleaner: Sendable {
  /// How many cells lost each kind of noise, and where the first was.
  public private(set) var removed: [String: (count: Int, first: Location)] = [:]

  public init() {}

  /// Cleans one cell's paragraphs as read from the source.
  public mutating func clean(_ rawParagraphs: [Substring], at location: Location) -> [String] {
    var out: [String] = []
    for raw in rawParagraphs {
      var text = String(raw)
      if text.has("[bookmark:") {
        text = removeBookmarks(text)
        note("bookmark", at: location)
      }
      if text.has("<") && text.has(">"), let split = splitMarkup(text) {
        note("markup", at: location)
        out.append(contentsOf: split.map(Self.trim))
        continue
      }
      out.append(Self.trim(text))
    }
    while let last = out.last, last.isEmpty { out.removeLast() }
    while let first = out.first, first.isEmpty { out.removeFirst() }
    return out
  }

  /// Diagnostics for what was removed, one per kind.
  public func diagnostics() -> [Diagnostic] {
    removed.keys.sorted().compactMap { key in
      guard let entry = removed[key] else { return nil }
      let what =
        key == "markup"
        ? "HTML paragraph and line-break tags turned into paragraph breaks"
        : "Word bookmark marks ([bookmark: …]) removed"
      return Diagnostic(
        .info, "\(key)-removed", "\(what) in \(entry.count) cell(s)", at: entry.first)
    }
  }

  private mutating func note(_ kind: String, at location: Location) {
    if let entry = removed[kind] {
      removed[kind] = (entry.count + 1, entry.first)
    } else {
      removed[kind] = (1, location)
    }
  }

  /// Trims ASCII and full-width spaces (and other white space) at both ends.
  public static func trim(_ s: String) -> String { s.trimmedPadding() }

  private func removeBookmarks(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let open = rest.range(of: "[bookmark:") {
      result += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].firstIndex(of: "]") else {
        rest = rest[open.lowerBound...]
        break
      }
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }

  /// Splits text on `<p>`, `</p>`, `<br>` tags and drops other tags; nil when there are none.
  private func splitMarkup(_ text: String) -> [String]? {
    var parts: [String] = []
    var current = ""
    var sawTag = false
    var i = text.startIndex
    while i < text.endIndex {
      let ch = text[i]
      if ch == "<", let close = text[i...].firstIndex(of: ">"),
        text.distance(from: i, to: close) <= 12
      {
        let tag = text[text.index(after: i)..<close].lowercased()
          .trimmingCharacters(in: [" ", "/"])
        if ["p", "br", "div", "span", "b", "i", "u", "strong", "em", "td", "tr"].contains(
          String(tag.split(separator: " ").first ?? ""))
        {
          sawTag = true
          if tag.hasPrefix("p") || tag.hasPrefix("br") || tag.hasPrefix("div") {
            parts.append(current)
            current = ""
          }
          i = text.index(after: close)
          continue
        }
      }
      current.append(ch)
      i = text.index(after: i)
    }
    parts.append(current)
    guard sawTag else { return nil }
    let decoded = parts.map(decodeEntities).map(Self.trim)
    return decoded.filter { !$0.isEmpty }
  }

  private func decodeEntities(_ s: String) -> String {
    guard s.has("&") else { return s }
    return s.replacingOccurrences(of: "&nbsp;", with: " ")
      .replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}

extension CellCleaner {
  /// `trim` under a name that reads well at call sites outside this module.
  public static func trimmed(_ s: String) -> String { trim(s) }
}
