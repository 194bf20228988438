/// Something a stage noticed: a repair it made, a guess, or input it could not use.
///
/// Messy input is reported as data, never thrown: a diagnostic names what happened
/// (`code`, stable and machine-readable), says it in words, and points at the place.
public struct Diagnostic: Codable, Sendable, Hashable {
  /// How much the reader of the output should care.
  public enum Severity: String, Codable, Sendable, Hashable, CaseIterable {
    case error, warning, info
  }

  public var severity: Severity
  /// A stable identifier such as `page-break-rejoined` or `level1-repaired`.
  public var code: String
  public var message: String
  public var location: Location?

  public init(_ severity: Severity, _ code: String, _ message: String, at location: Location?) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
  }

  enum CodingKeys: String, CodingKey { case severity, code, message, location }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(severity, forKey: .severity)
    try c.encode(code, forKey: .code)
    try c.encode(message, forKey: .message)
    try c.encode(location, forKey: .location)
  }
}
