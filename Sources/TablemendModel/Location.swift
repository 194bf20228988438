/// A place in the source: 1-based line and column, and for container formats the part.
///
/// For text exports `line` and `column` count lines and characters of the decoded text.
/// For WordprocessingML they are libxml2's line and column in the XML part named by `part`.
public struct Location: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
  /// 1-based line.
  public var line: Int
  /// 1-based column (characters, not bytes).
  public var column: Int
  /// The part of a container the location is in (`word/document.xml`), if any.
  public var part: String?

  public init(line: Int, column: Int, part: String? = nil) {
    self.line = line
    self.column = column
    self.part = part
  }

  public static func < (lhs: Location, rhs: Location) -> Bool {
    (lhs.part ?? "", lhs.line, lhs.column) < (rhs.part ?? "", rhs.line, rhs.column)
  }

  public var description: String {
    if let part { return "\(part):\(line):\(column)" }
    return "\(line):\(column)"
  }
}
