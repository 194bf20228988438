import Foundation

/// The one way tablemend writes JSON: sorted keys, unescaped slashes, UTF-8.
///
/// Same input, byte-identical output, so goldens diff cleanly.
public enum JSONOutput {
  /// Encodes `value` deterministically.
  /// - Parameters:
  ///   - value: what to encode.
  ///   - pretty: indent with two spaces and one key per line.
  /// - Returns: UTF-8 JSON without a trailing newline.
  public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> Data {
    let encoder = JSONEncoder()
    var formatting: JSONEncoder.OutputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    if pretty { formatting.insert(.prettyPrinted) }
    encoder.outputFormatting = formatting
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return try encoder.encode(value)
  }
}
