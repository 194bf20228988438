import Foundation

import TablemendModel

/// Turns indicator text into a typed `Value`. Pure: no I/O, no global state.
public enum ValueParser {
  /// Normalises one indicator value.
  /// - Parameter text: the cell text as cleaned by the reader (may contain `\n`).
  /// - Returns: a typed value that keeps `text` as `raw`.
  public static func parse(_ text: String) -> Value {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty { return .empty(raw: text) }
    var v = Value(raw: text, kind: .qualitative)
    v.text = trimmed
    return v
  }
}
