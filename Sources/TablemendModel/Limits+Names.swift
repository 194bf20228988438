/// Limits by name, for `--limit NAME=VALUE` on the command line and for error messages.
extension Limits {
  /// Every limit's name (the property name) and its key path, in declaration order.
  public static var named: [(name: String, keyPath: WritableKeyPath<Limits, Int>)] {
    [
      ("maxInputBytes", \.maxInputBytes),
      ("maxPartBytes", \.maxPartBytes),
      ("maxTotalInflatedBytes", \.maxTotalInflatedBytes),
      ("maxZipEntries", \.maxZipEntries),
      ("maxXMLDepth", \.maxXMLDepth),
      ("maxCellsPerTable", \.maxCellsPerTable),
      ("maxRowsPerTable", \.maxRowsPerTable),
      ("maxLineLength", \.maxLineLength),
      ("maxTextBytes", \.maxTextBytes),
      ("maxLines", \.maxLines),
      ("maxPDFSeconds", \.maxPDFSeconds),
      ("maxPDFMemoryBytes", \.maxPDFMemoryBytes),
      ("maxPDFOutputBytes", \.maxPDFOutputBytes),
    ]
  }

  /// Applies one `NAME=VALUE` override. The value is a positive integer, optionally with a
  /// binary suffix `K`, `M` or `G` (`maxInputBytes=1G`).
  /// - Throws: `LimitsError` for an unknown name or a value that is not a positive integer.
  public mutating func apply(_ assignment: String) throws(LimitsError) {
    guard let equals = assignment.firstIndex(of: "=") else {
      throw LimitsError(message: "'\(assignment)' is not NAME=VALUE")
    }
    let name = String(assignment[..<equals])
    var text = assignment[assignment.index(after: equals)...].uppercased()
    guard let entry = Self.named.first(where: { $0.name.lowercased() == name.lowercased() }) else {
      throw LimitsError(
        message:
          "unknown limit '\(name)'; known: \(Self.named.map { $0.name }.joined(separator: ", "))")
    }
    var scale = 1
    if let last = text.last, let shift = ["K": 10, "M": 20, "G": 30][String(last)] {
      scale = 1 << shift
      text.removeLast()
    }
    guard let number = Int(text), number > 0, number <= Int.max / scale else {
      throw LimitsError(message: "limit \(entry.name) needs a positive integer, not '\(text)'")
    }
    self[keyPath: entry.keyPath] = number * scale
  }
}

/// A `--limit NAME=VALUE` override that names no limit or gives no usable value.
public struct LimitsError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
